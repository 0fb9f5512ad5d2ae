import type { Callback, Logs, TrainingModel } from './callback.js';

/** Calls every callback's hook in order and awaits async ones. */
export class CallbackList {
  private readonly callbacks: readonly Callback[];
  private readonly hasBatchHooks: boolean;

  constructor(callbacks: readonly Callback[], model: TrainingModel) {
    this.callbacks = callbacks;
    for (const c of callbacks) c.setModel?.(model);
    this.hasBatchHooks = callbacks.some((c) => c.onBatchBegin || c.onBatchEnd);
  }

  async onTrainBegin(logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainBegin?.(logs);
  }

  async onTrainEnd(logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainEnd?.(logs);
  }

  async onEpochBegin(epoch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochBegin?.(epoch, logs);
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochEnd?.(epoch, logs);
  }

  async onBatchBegin(batch: number, logs: Logs): Promise<void> {
    if (!this.hasBatchHooks) return;
    for (const c of this.callbacks) await c.onBatchBegin?.(batch, logs);
  }

  async onBatchEnd(batch: number, logs: Logs): Promise<void> {
    if (!this.hasBatchHooks) return;
    for (const c of this.callbacks) await c.onBatchEnd?.(batch, logs);
  }
}
