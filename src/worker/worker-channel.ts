import type { FromWorker, ToWorker } from './worker-messages.js';

/**
 * The caller's side of one worker, whatever starts it: a Web Worker in a browser
 * (src/browser/worker-host.ts), a worker thread in Node (src/node/worker-host.ts).
 */
export interface WorkerChannel {
  post(message: ToWorker, transfer: ArrayBuffer[]): void;
  /** Messages from the worker, and its failure (it could not start, or it crashed). */
  listen(onMessage: (message: FromWorker) => void, onFailure: (error: Error) => void): void;
  terminate(): void;
}

/** Starts a worker that runs `serveJobs` (src/worker/serve-jobs.ts). */
export type WorkerHost = () => WorkerChannel;
