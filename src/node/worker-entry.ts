// The program of the worker thread that `nn.worker()` starts in Node: bundled with everything it
// imports into generated/worker-source.ts by scripts/build-worker.mjs and evaluated as a script
// (worker-host.ts), which works the same from dist/ and from the TypeScript sources under tsx.
// Inside it the wasm kernels split large jobs over worker threads of their own, as on the main thread.
import { parentPort } from 'node:worker_threads';
import { setThreadHost } from '../kernels/wasm/thread-host.js';
import { serveJobs } from '../worker/serve-jobs.js';
import type { ToWorker } from '../worker/worker-messages.js';
import { nodeThreads } from './node-threads.js';

setThreadHost(nodeThreads);
const port = parentPort!;
serveJobs({
  post: (message, transfer) => {
    port.postMessage(message, transfer);
  },
  listen: (handler) => port.on('message', (message: ToWorker) => handler(message)),
});
