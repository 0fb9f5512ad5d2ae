// Node's kernel workers: worker threads running the worker program (worker-program.ts).
// NOTE: Node's modules come from `process.getBuiltinModule` (Node ≥ 20.16), not from an import:
// it is synchronous, so the first large job can start the workers even in a loop of synchronous
// calls (an import would wait for an event-loop turn that such a loop never gives), and a
// browser bundle holds no Node import. Elsewhere the kernels use Web Workers (browsers) or run
// on the calling thread alone.
import { WORKER_PROGRAM, type ThreadHost, type WorkerSpec } from './worker-program.js';

// Evaluated as a CommonJS script by `new Worker(source, { eval: true })`.
const NODE_WORKER_SOURCE = `${WORKER_PROGRAM}
serveKernelJobs(require('node:worker_threads').workerData);
`;

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
export function nodeThreads(): ThreadHost | undefined {
  const runtime = (globalThis as { process?: NodeProcess }).process;
  if (typeof runtime?.versions?.node !== 'string') return undefined;
  if (typeof runtime.getBuiltinModule !== 'function') return undefined;
  const { Worker } = runtime.getBuiltinModule('node:worker_threads') as WorkerThreadsModule;
  const os = runtime.getBuiltinModule('node:os') as OsModule;
  return {
    availableWorkers: () => Math.max(0, os.availableParallelism() - 1),
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
}
