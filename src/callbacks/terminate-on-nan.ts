import type { Callback, Logs, TrainingModel } from './callback.js';

/** Stops training as soon as a batch's loss is NaN or infinite (Keras TerminateOnNaN). */
export class TerminateOnNaN implements Callback {
  /** The batch at which a non-finite loss was seen, if any. */
  terminatedAtBatch: number | undefined;
  private model: TrainingModel | undefined;

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onBatchEnd(batch: number, logs: Logs): void {
    const loss = logs.loss;
    if (loss !== undefined && !Number.isFinite(loss)) {
      console.log(`Batch ${batch}: invalid loss, terminating training`);
      this.terminatedAtBatch = batch;
      if (this.model) this.model.stopTraining = true;
    }
  }
}
