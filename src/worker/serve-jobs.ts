import { backendName, ready } from '../kernels/backend.js';
import { setKernelThreads } from '../kernels/wasm/thread-pool.js';
import { globalRandom } from '../random/random.js';
import type { JobControl } from './relay-callback.js';
import { JobAborted } from './relay-callback.js';
import { runJob } from './run-job.js';
import { toSentError } from './sent-error.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's side of a message channel (a Web Worker's `self`, a worker thread's parentPort). */
export interface WorkerEndpoint {
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  listen(handler: (message: ToWorker) => void): void;
}

/**
 * The worker's main loop: runs the jobs it is sent one after another, in the order sent (they
 * share the random generator and the kernels, so running two at once would change both
 * results), and answers each with its events, then its result or its error. Abort and stop
 * messages act at once on the job they name, at its next batch.
 */
export function serveJobs(endpoint: WorkerEndpoint): void {
  const controls = new Map<number, JobControl>();
  let queue: Promise<void> = Promise.resolve();
  endpoint.listen((message) => {
    if (message.type !== 'job') {
      const control = controls.get(message.id);
      if (control && message.type === 'abort') control.aborted = true;
      if (control && message.type === 'stop') control.stopRequested = true;
      return;
    }
    const { id, context, job } = message;
    const control: JobControl = { aborted: false, stopRequested: false };
    controls.set(id, control);
    queue = queue.then(async () => {
      try {
        if (control.aborted) return;
        if (backendName() !== context.backend) await ready(context.backend);
        setKernelThreads(context.kernelThreads);
        const { result, transfer } = await runJob(job, context, control, {
          event: (event) => endpoint.post({ type: 'event', id, event }, []),
          plan: (plan) => endpoint.post({ type: 'plan', id, plan }, []),
        });
        endpoint.post({ type: 'done', id, result, random: globalRandom.state() }, transfer);
      } catch (error) {
        // NOTE: the caller of an aborted job has already moved on; nobody waits for its error.
        if (!(error instanceof JobAborted)) endpoint.post({ type: 'failed', id, error: toSentError(error) }, []);
      } finally {
        controls.delete(id);
      }
    });
  });
}
