// The training worker: one job per message, its epochs and result posted back to the page.
import { runTrainJob, type JobEvent, type TrainJob } from './train-job.js';

// NOTE: the root tsconfig types pages (DOM), not workers; a worker's postMessage takes one argument.
const scope = globalThis as unknown as {
  postMessage(message: JobEvent): void;
  onmessage: ((event: MessageEvent<TrainJob>) => void) | null;
};

scope.onmessage = (event) => void runTrainJob(event.data, (message) => scope.postMessage(message));
