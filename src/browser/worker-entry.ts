// The program of the Web Worker that `nn.worker()` starts in a browser: bundled with everything it
// imports into generated/worker-source.ts by scripts/build-worker.mjs, and started from a Blob
// URL of that source (worker-host.ts), so no file has to be served and no bundler configured.
import { serveJobs } from '../worker/serve-jobs.js';
import type { FromWorker, ToWorker } from '../worker/worker-messages.js';

interface WorkerScope {
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
serveJobs({
  post: (message, transfer) => scope.postMessage(message, transfer),
  listen: (handler) => {
    scope.onmessage = (event) => handler(event.data);
  },
});
