import { ConfigError, show } from '../errors.js';
import { resolveMode, type Callback, type Logs, type TrainingModel } from './callback.js';

export interface EarlyStoppingArgs {
  monitor?: string;
  minDelta?: number;
  patience?: number;
  verbose?: number;
  mode?: 'auto' | 'min' | 'max';
  baseline?: number;
  restoreBestWeights?: boolean;
  startFromEpoch?: number;
}

/**
 * Stops training when the monitored quantity stops improving (Keras 3 semantics): an epoch
 * improves when it beats the best by more than minDelta; after `patience` epochs without one,
 * training stops. With restoreBestWeights the best epoch's weights are restored when training ends.
 */
export class EarlyStopping implements Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: number;
  readonly mode: 'auto' | 'min' | 'max';
  readonly baseline: number | undefined;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** The epoch training stopped at (0 if it did not stop early) and the best epoch seen. */
  stoppedEpoch = 0;
  bestEpoch = 0;
  best = Infinity;
  private wait = 0;
  private direction: 'min' | 'max' = 'min';
  private bestWeights: Float32Array[] | undefined;
  private model: TrainingModel | undefined;

  constructor(args: EarlyStoppingArgs = {}) {
    this.monitor = args.monitor ?? 'val_loss';
    this.minDelta = Math.abs(args.minDelta ?? 0);
    this.patience = args.patience ?? 0;
    if (!Number.isInteger(this.patience) || this.patience < 0) {
      throw new ConfigError('config/patience', `earlyStopping patience should be a whole number >= 0 but got ${show(args.patience)}.`);
    }
    this.verbose = args.verbose ?? 0;
    this.mode = args.mode ?? 'auto';
    this.baseline = args.baseline;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
    this.startFromEpoch = args.startFromEpoch ?? 0;
  }

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onTrainBegin(): void {
    this.direction = resolveMode(this.mode, this.monitor, this.model);
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.bestEpoch = 0;
    this.best = this.direction === 'min' ? Infinity : -Infinity;
    this.bestWeights = undefined;
  }

  private isImprovement(value: number, reference: number): boolean {
    return this.direction === 'min' ? value + this.minDelta < reference : value - this.minDelta > reference;
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const current = logs[this.monitor];
    if (current === undefined) {
      throw new ConfigError(
        'config/monitor',
        `earlyStopping monitors ${show(this.monitor)} but the logs hold ${Object.keys(logs).map((k) => `"${k}"`).join(', ')}; ` +
          'monitor one of those (val_ keys need validationSplit or validationData).',
      );
    }
    if (epoch < this.startFromEpoch) return;
    if (this.restoreBestWeights && this.bestWeights === undefined) this.bestWeights = this.model?.getWeights();
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = this.model?.getWeights();
      if (this.baseline === undefined || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      if (this.model) this.model.stopTraining = true;
    }
  }

  onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) console.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.restoreBestWeights && this.bestWeights !== undefined && this.model) {
      if (this.verbose > 0) console.log(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      this.model.setWeights(this.bestWeights);
    }
  }
}
