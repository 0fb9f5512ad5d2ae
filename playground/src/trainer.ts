import type { JobEvent, TrainJob, TrainResult } from './train-job.js';

/**
 * Runs training jobs in a Web Worker (worker.js beside the app), one at a time: a new job ends
 * the running one by ending its worker, so the page never waits for an outdated model. A spare
 * worker is started once a job is over, so the next job finds its code loaded and its kernels
 * compiled instead of waiting for them.
 */
export class Trainer {
  private worker: Worker | undefined;
  private spare: Worker | undefined;

  run(job: TrainJob, onEpoch: (epoch: number, logs: Readonly<Record<string, number>>) => void): Promise<TrainResult> {
    this.stop();
    const worker = this.spare ?? start();
    this.spare = undefined;
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<JobEvent>) => {
        const message = event.data;
        if (message.type === 'epoch') onEpoch(message.epoch, message.logs);
        else {
          this.stop();
          this.spare ??= start();
          if (message.type === 'done') resolve(message.result);
          else reject(Object.assign(new Error(message.message), { code: message.code }));
        }
      };
      worker.onerror = (event) => {
        this.stop();
        reject(new Error(`The training worker failed: ${event.message}`));
      };
      worker.postMessage(job);
    });
  }

  /** Ends the running job (its worker); the spare stays ready. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}

function start(): Worker {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}
