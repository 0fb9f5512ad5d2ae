// Node's half of the kernel threads: starts worker threads that instantiate the kernels module on
// the shared memory and run `runJobs` (asm/threads.ts) whenever the calling thread posts a job.
// NOTE: the only core file that imports Node built-ins; thread-pool.ts reaches it through a
// dynamic import that runs only in Node, so browser bundles never execute it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** What a worker needs: the compiled module, the memory, and its byte offsets in it. */
export interface WorkerSpec {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** Byte offset of the control block (layout in asm/threads.ts). */
  readonly control: number;
  /** Byte offset of this worker's own gemm workspace. */
  readonly work: number;
}

// The worker's program, evaluated as a CommonJS script (no file to resolve, so it runs the same
// from src/ under tsx, from dist/ and from a bundle). Slots: 2 WAKE, 3 STOP, 4 READY, 5 FAILED,
// 1 DONE (see asm/threads.ts), 7 the microseconds to poll for the next job before sleeping. NOTE: it reads the wake counter before claiming parts, so a job
// posted while it works changes the counter and the wait below returns at once: no lost wake-up.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, work } = workerData;
const slots = new Int32Array(memory.buffer, control, 8);
let runJobs;
try {
  const imports = { env: { memory, abort() { throw new Error('nnkit wasm kernels aborted'); } } };
  runJobs = new WebAssembly.Instance(module, imports).exports.runJobs;
} catch (error) {
  runJobs = undefined;
}
if (runJobs !== undefined) {
  Atomics.add(slots, 4, 1);
  for (;;) {
    const seen = Atomics.load(slots, 2);
    if (Atomics.load(slots, 3) !== 0) break;
    try {
      runJobs(control, work);
    } catch (error) {
      Atomics.store(slots, 5, 1);
      Atomics.notify(slots, 1);
      break;
    }
    const until = performance.now() + Atomics.load(slots, 7) / 1000;
    while (Atomics.load(slots, 2) === seen && performance.now() < until);
    Atomics.wait(slots, 2, seen);
  }
}
`;

/** Worker threads worth starting: one per core beyond the calling thread's. */
export function availableWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

/** Starts one kernel worker; it never keeps the process alive. */
export function spawnKernelWorker(spec: WorkerSpec): void {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: spec });
  // NOTE: an unref'd worker does not hold the event loop open, so scripts, tests and the CLI
  // exit as soon as their own work is done. Failures reach the caller through the FAILED slot;
  // this listener only keeps an 'error' event from becoming an uncaught exception.
  worker.unref();
  worker.on('error', () => undefined);
}
