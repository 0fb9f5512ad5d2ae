import type { Callback, Logs, TrainingModel } from '../callbacks/callback.js';
import type { JobContext, TrainingEvent } from './worker-messages.js';

/** What the caller asked of a running job: stop at the next batch, or give up on it. */
export interface JobControl {
  aborted: boolean;
  stopRequested: boolean;
}

/** Thrown in the worker when the caller aborted the job; the caller has already moved on. */
export class JobAborted extends Error {
  constructor() {
    super('The caller aborted this job.');
    this.name = 'JobAborted';
  }
}

/**
 * The worker's last callback: posts the training events the caller asked for (the Keras logs,
 * per batch and per epoch), ends the job at the next batch when the caller aborts, and stops
 * training there when a caller-side callback set stopTraining.
 */
export function relayCallback(context: JobContext, control: JobControl, post: (event: TrainingEvent) => void): Callback {
  let model: TrainingModel | undefined;
  let epoch = 0;
  const { batches, epochs } = context.events;
  const check = () => {
    if (control.aborted) throw new JobAborted();
    if (control.stopRequested && model) model.stopTraining = true;
  };
  const copy = (logs: Logs): Logs => ({ ...logs });
  return {
    setModel(m) {
      model = m;
    },
    onTrainBegin(logs) {
      if (epochs) post({ hook: 'onTrainBegin', logs: copy(logs) });
    },
    onEpochBegin(e, logs) {
      epoch = e;
      check();
      if (epochs) post({ hook: 'onEpochBegin', epoch: e, logs: copy(logs) });
    },
    onBatchBegin(batch, logs) {
      check();
      if (batches) post({ hook: 'onBatchBegin', epoch, batch, logs: copy(logs) });
    },
    onBatchEnd(batch, logs) {
      if (batches) post({ hook: 'onBatchEnd', epoch, batch, logs: copy(logs) });
    },
    onEpochEnd(e, logs) {
      if (epochs) post({ hook: 'onEpochEnd', epoch: e, logs: copy(logs) });
    },
    onTrainEnd(logs) {
      if (epochs) post({ hook: 'onTrainEnd', logs: copy(logs) });
    },
  };
}
