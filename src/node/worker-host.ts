// `nn.worker()` in Node: a worker thread running the job server (src/worker/serve-jobs.ts) from
// the generated bundle of worker-entry.ts.
import { Worker } from 'node:worker_threads';
import { ModelWorker } from '../worker/model-worker.js';
import type { WorkerChannel } from '../worker/worker-channel.js';
import type { FromWorker } from '../worker/worker-messages.js';
import { WORKER_SOURCE } from './generated/worker-source.js';

/**
 * A worker thread that runs fit, predict, evaluate and trainClassifier off this thread, bit for
 * bit as in-thread (see ModelWorker). The thread starts at once; it does not keep the process
 * alive while idle, and `terminate()` ends it (a later call starts another).
 */
export function worker(): ModelWorker {
  return new ModelWorker(startWorkerThread);
}

function startWorkerThread(): WorkerChannel {
  const thread = new Worker(WORKER_SOURCE, { eval: true });
  let busy = 0;
  // NOTE: an idle worker must not keep a script or a test from exiting; it holds the event loop
  // only while a job is in flight (a job posts, its final message ends it).
  thread.unref();
  return {
    post(message, transfer) {
      if (message.type === 'job' && busy++ === 0) thread.ref();
      thread.postMessage(message, transfer);
    },
    listen(onMessage, onFailure) {
      thread.on('message', (message: FromWorker) => {
        if ((message.type === 'done' || message.type === 'failed') && --busy === 0) thread.unref();
        onMessage(message);
      });
      thread.on('error', onFailure);
      thread.on('exit', (code) => onFailure(new Error(`The nnkit worker thread exited (code ${code}) before its job finished.`)));
    },
    terminate() {
      void thread.terminate();
    },
  };
}
