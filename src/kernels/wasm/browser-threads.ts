// A browser's kernel workers: Web Workers running the worker program (worker-program.ts) from a
// Blob URL, so no worker file has to be served. They share the wasm memory, which a browser
// offers only on cross-origin isolated pages (COOP same-origin + COEP require-corp): elsewhere
// the memory is not shared and the kernels run on the calling thread alone (load-wasm.ts).
import { WORKER_PROGRAM, type ThreadHost } from './worker-program.js';

const BROWSER_WORKER_SOURCE = `${WORKER_PROGRAM}
self.onmessage = (event) => serveKernelJobs(event.data);
`;

interface BrowserGlobals {
  Worker?: new (url: string) => {
    postMessage(message: unknown): void;
    onerror: ((event: unknown) => void) | null;
  };
  Blob?: typeof Blob;
  URL?: { createObjectURL(blob: Blob): string };
  navigator?: { hardwareConcurrency?: number };
  crossOriginIsolated?: boolean;
  WorkerGlobalScope?: unknown;
  document?: unknown;
}

/** Web Workers on a cross-origin isolated page, or undefined where there are none. */
export function browserThreads(): ThreadHost | undefined {
  const scope = globalThis as BrowserGlobals;
  const { Worker, Blob: BlobClass, URL: urls } = scope;
  if (Worker === undefined || BlobClass === undefined || urls === undefined) return undefined;
  if (scope.crossOriginIsolated !== true) return undefined;
  let url: string | undefined;
  return {
    availableWorkers: () => Math.max(0, (scope.navigator?.hardwareConcurrency ?? 1) - 1),
    spawnKernelWorker(spec) {
      url ??= urls.createObjectURL(new BlobClass([BROWSER_WORKER_SOURCE], { type: 'text/javascript' }));
      // NOTE: a page whose Content-Security-Policy forbids blob: workers makes this throw; the
      // pool then keeps to the calling thread.
      const worker = new Worker(url);
      // NOTE: a worker that fails to start never reports ready, and the pool never waits on it.
      worker.onerror = () => undefined;
      worker.postMessage(spec);
    },
    // NOTE: Atomics.wait throws on a page's main thread; inside a worker it is allowed.
    callerCanWait: scope.document === undefined && scope.WorkerGlobalScope !== undefined,
  };
}
