// Node's kernel workers: worker threads running the kernels' worker program
// (src/kernels/wasm/worker-program.ts). The Node entry registers them with the kernels
// (`setThreadHost`), which otherwise know only browsers' Web Workers.
// NOTE: static imports load with this module, before any kernel call, so the first large job
// starts the workers synchronously, even in a loop of synchronous calls that never gives the
// event loop a turn.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WORKER_PROGRAM, type ThreadHost } from '../kernels/wasm/worker-program.js';

// Evaluated as a CommonJS script by `new Worker(source, { eval: true })`.
const NODE_WORKER_SOURCE = `${WORKER_PROGRAM}
serveKernelJobs(require('node:worker_threads').workerData);
`;

/** Node's worker threads as the kernels' thread host. */
export const nodeThreads: ThreadHost = {
  availableWorkers: () => Math.max(0, availableParallelism() - 1),
  spawnKernelWorker(spec) {
    const worker = new Worker(NODE_WORKER_SOURCE, { eval: true, workerData: spec });
    // NOTE: an unref'd worker does not hold the event loop open, so scripts, tests and the
    // CLI exit as soon as their own work is done. Failures reach the caller through the
    // FAILED slot; this listener only keeps an 'error' event from becoming an uncaught one.
    worker.unref();
    worker.on('error', () => undefined);
  },
  callerCanWait: true,
};
