import { ConfigError, show } from '../errors.js';
import { resolveMode, type Callback, type Logs, type TrainingModel } from './callback.js';

export interface ReduceLROnPlateauArgs {
  monitor?: string;
  factor?: number;
  patience?: number;
  verbose?: number;
  mode?: 'auto' | 'min' | 'max';
  minDelta?: number;
  cooldown?: number;
  minLr?: number;
}

/**
 * Multiplies the learning rate by `factor` when the monitored quantity has not improved by
 * minDelta for `patience` epochs (Keras 3 semantics, with cooldown and minLr). Logs the rate as
 * `learning_rate`.
 */
export class ReduceLROnPlateau implements Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: number;
  readonly mode: 'auto' | 'min' | 'max';
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  private wait = 0;
  private cooldownCounter = 0;
  private best = Infinity;
  private direction: 'min' | 'max' = 'min';
  private model: TrainingModel | undefined;

  constructor(args: ReduceLROnPlateauArgs = {}) {
    this.monitor = args.monitor ?? 'val_loss';
    this.factor = args.factor ?? 0.1;
    if (!(this.factor < 1 && this.factor >= 0)) {
      throw new ConfigError('config/factor', `reduceLROnPlateau factor must be in [0, 1) but got ${show(args.factor)}.`);
    }
    this.patience = args.patience ?? 10;
    this.verbose = args.verbose ?? 0;
    this.mode = args.mode ?? 'auto';
    this.minDelta = args.minDelta ?? 1e-4;
    this.cooldown = args.cooldown ?? 0;
    this.minLr = args.minLr ?? 0;
  }

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onTrainBegin(): void {
    this.direction = resolveMode(this.mode, this.monitor, this.model);
    this.best = this.direction === 'min' ? Infinity : -Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
    const optimizer = this.model?.optimizer;
    if (optimizer?.usesSchedule) {
      throw new ConfigError('config/lr-schedule', 'reduceLROnPlateau cannot change a learning-rate schedule; use a fixed learningRate with it.');
    }
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const optimizer = this.model?.optimizer;
    if (!optimizer) return;
    logs.learning_rate = optimizer.learningRate;
    const current = logs[this.monitor];
    if (current === undefined) {
      throw new ConfigError('config/monitor', `reduceLROnPlateau monitors ${show(this.monitor)}, which is not in the logs (${Object.keys(logs).join(', ')}).`);
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const improved = this.direction === 'min' ? current < this.best - this.minDelta : current > this.best + this.minDelta;
    if (improved) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const old = optimizer.learningRate;
        if (old > this.minLr) {
          const next = Math.max(old * this.factor, this.minLr);
          optimizer.learningRate = next;
          if (this.verbose > 0) console.log(`Epoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${next}.`);
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
