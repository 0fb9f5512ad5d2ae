// The port through which a runtime lends the kernels its threads. The core knows one kind,
// browsers' Web Workers (browser-threads.ts); Node's worker threads live on the Node floor
// (src/node/node-threads.ts) and the Node entry registers them here, so nothing below it imports
// a Node module and a browser bundle of the root holds no Node code.
import { browserThreads } from './browser-threads.js';
import type { ThreadHost } from './worker-program.js';

let registered: ThreadHost | undefined;

/**
 * Sets how kernel workers are started in this runtime (the Node entry registers Node's worker
 * threads); undefined goes back to the default. The thread pool reads it when the first large
 * job starts the workers, so register before that.
 */
export function setThreadHost(host: ThreadHost | undefined): void {
  registered = host;
}

/** The registered host, else Web Workers on a cross-origin isolated page, else none. */
export function threadHost(): ThreadHost | undefined {
  return registered ?? browserThreads();
}
