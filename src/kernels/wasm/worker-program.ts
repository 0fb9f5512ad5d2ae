// What a kernel worker thread runs, shared by Node's worker threads (src/node/node-threads.ts)
// and browsers' Web Workers (browser-threads.ts): instantiate the kernels module on the shared
// memory, then run `runJobs` (asm/threads.ts) whenever the calling thread posts a job.

/** What a worker needs: the compiled module, the memory, and its byte offsets in it. */
export interface WorkerSpec {
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** Byte offset of the control block (layout in asm/threads.ts). */
  readonly control: number;
  /** Byte offset of this worker's own gemm workspace. */
  readonly work: number;
}

/**
 * Where kernel workers can be started: Node's worker threads or a browser's Web Workers
 * (registered with `setThreadHost`, thread-host.ts).
 */
export interface ThreadHost {
  /** Worker threads worth starting: one per core beyond the calling thread's. */
  availableWorkers(): number;
  /** Starts one kernel worker; it never keeps a Node process alive. */
  spawnKernelWorker(spec: WorkerSpec): void;
  /**
   * Whether the calling thread may sleep in Atomics.wait while workers finish their parts;
   * a browser's main thread may not, so it polls until they are done.
   */
  readonly callerCanWait: boolean;
}

// The worker's program as source text (no file to resolve, so it runs the same from src/ under
// tsx, from dist/, from a bundle and from a Blob URL): `serveKernelJobs(spec)` never returns.
// Slots: 1 DONE, 2 WAKE, 4 READY, 5 FAILED, 7 the microseconds to poll for the next job before
// sleeping (see asm/threads.ts). NOTE: it reads the wake counter before claiming parts, so a job
// posted while it works changes the counter and the wait below returns at once: no lost wake-up.
export const WORKER_PROGRAM = `
function serveKernelJobs({ module, memory, control, work }) {
  const slots = new Int32Array(memory.buffer, control, 8);
  let runJobs;
  try {
    const imports = { env: { memory, abort() { throw new Error('nnkit wasm kernels aborted'); } } };
    runJobs = new WebAssembly.Instance(module, imports).exports.runJobs;
  } catch (error) {
    return;
  }
  Atomics.add(slots, 4, 1);
  for (;;) {
    const seen = Atomics.load(slots, 2);
    try {
      runJobs(control, work);
    } catch (error) {
      Atomics.store(slots, 5, 1);
      Atomics.notify(slots, 1);
      return;
    }
    const until = performance.now() + Atomics.load(slots, 7) / 1000;
    while (Atomics.load(slots, 2) === seen && performance.now() < until);
    Atomics.wait(slots, 2, seen);
  }
}
`;
