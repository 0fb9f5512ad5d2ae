// Node's half of the kernel threads: starts worker threads that instantiate the kernels module on
// the shared memory and run `runJobs` (asm/threads.ts) whenever the calling thread posts a job.
// NOTE: Node's modules come from `process.getBuiltinModule` (Node ≥ 20.16), not from an import:
// it is synchronous, so the first large job can start the workers even in a loop of synchronous
// calls (an import would wait for an event-loop turn that such a loop never gives), and a
// browser bundle holds no Node import. Elsewhere (browsers, older Node) the kernels run on the
// calling thread alone.

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
// from src/ under tsx, from dist/ and from a bundle). Slots: 1 DONE, 2 WAKE, 4 READY, 5 FAILED,
// 7 the microseconds to poll for the next job before sleeping (see asm/threads.ts). Workers end
// with the process. NOTE: it reads the wake counter before claiming parts, so a job
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

/** Starts kernel workers in this runtime. */
export interface NodeThreads {
  /** Worker threads worth starting: one per core beyond the calling thread's. */
  availableWorkers(): number;
  /** Starts one kernel worker; it never keeps the process alive. */
  spawnKernelWorker(spec: WorkerSpec): void;
}

// The parts of node:worker_threads and node:os used here.
interface WorkerThreadsModule {
  Worker: new (source: string, options: { eval: true; workerData: WorkerSpec }) => {
    unref(): void;
    on(event: 'error', listener: (error: unknown) => void): unknown;
  };
}
interface OsModule {
  availableParallelism(): number;
}
interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

/** Node's worker threads, or undefined outside Node (or in a Node without getBuiltinModule). */
export function nodeThreads(): NodeThreads | undefined {
  const runtime = (globalThis as { process?: NodeProcess }).process;
  if (typeof runtime?.versions?.node !== 'string') return undefined;
  if (typeof runtime.getBuiltinModule !== 'function') return undefined;
  const { Worker } = runtime.getBuiltinModule('node:worker_threads') as WorkerThreadsModule;
  const os = runtime.getBuiltinModule('node:os') as OsModule;
  return {
    availableWorkers: () => Math.max(0, os.availableParallelism() - 1),
    spawnKernelWorker(spec) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: spec });
      // NOTE: an unref'd worker does not hold the event loop open, so scripts, tests and the
      // CLI exit as soon as their own work is done. Failures reach the caller through the
      // FAILED slot; this listener only keeps an 'error' event from becoming an uncaught one.
      worker.unref();
      worker.on('error', () => undefined);
    },
  };
}
