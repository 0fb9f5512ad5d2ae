// `nn.worker()` in a browser: a Web Worker running the job server (src/worker/serve-jobs.ts) from
// a Blob URL of the generated bundle of worker-entry.ts, so it starts with no file to serve and
// no bundler configuration. On a cross-origin isolated page the wasm kernels inside it start Web
// Workers of their own for large jobs, as on the main thread.
import { ModelWorker } from '../worker/model-worker.js';
import type { WorkerChannel } from '../worker/worker-channel.js';
import type { FromWorker } from '../worker/worker-messages.js';
import { WORKER_SOURCE } from './generated/worker-source.js';

let url: string | undefined;

/**
 * A Web Worker that runs fit, predict, evaluate and trainClassifier off the page's main thread,
 * bit for bit as in-thread (see ModelWorker). The worker starts at once, so it is ready by the
 * first call; `terminate()` ends it (a later call starts another).
 */
export function worker(): ModelWorker {
  return new ModelWorker(startWebWorker);
}

function startWebWorker(): WorkerChannel {
  // NOTE: a page whose Content-Security-Policy forbids blob: workers makes this throw, and the
  // call that started the worker rejects with that error.
  url ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const web = new Worker(url);
  return {
    post: (message, transfer) => web.postMessage(message, transfer),
    listen(onMessage, onFailure) {
      web.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      web.onerror = (event) => {
        event.preventDefault();
        onFailure(new Error(`The nnkit Web Worker failed: ${event.message || 'it could not start (is a blob: worker allowed here?)'}`));
      };
    },
    terminate: () => web.terminate(),
  };
}
