// The training worker: one job per message, its epochs and result posted back to the page.
import * as nn from '../../src/index.js';
import { runTrainJob, type JobEvent, type TrainJob } from './train-job.js';

// NOTE: the root tsconfig types pages (DOM), not workers; a worker's postMessage takes one argument.
const scope = globalThis as unknown as {
  postMessage(message: JobEvent): void;
  onmessage: ((event: MessageEvent<TrainJob>) => void) | null;
};

// The kernels compile while the worker waits for its job (the page starts a spare one ahead).
const ready = nn.ready();
scope.onmessage = (event) => {
  // NOTE: a failed compile is reported by the job itself (runTrainJob awaits nn.ready() again).
  const run = () => runTrainJob(event.data, (message) => scope.postMessage(message));
  void ready.then(run, run);
};
