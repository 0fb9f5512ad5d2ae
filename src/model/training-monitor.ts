import type { Callback, Logs, TrainingModel } from '../callbacks/callback.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import type { LabelClasses } from '../doctor/label-classes.js';
import {
  epochPredictions, hasExploded, lossExploding, lossNotFinite, overfitting, stuckOneClass,
} from '../doctor/training-checks.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Trainer } from './trainer.js';

export interface MonitorOptions {
  /** The training labels' classes, when the task has one class per row. */
  readonly classes: LabelClasses | undefined;
  /** Whether an EarlyStopping callback already guards against overfitting. */
  readonly earlyStopping: boolean;
  /** Reports a warning to the model's doctor; returns it when kept (not silenced). */
  readonly report: (diagnostic: Diagnostic) => Diagnostic | undefined;
  /** How the caller weighs a rare class (a pipeline's own option), for the stuck-one-class fix. */
  readonly rareClassAdvice?: string;
}

/** What the monitor touches of the model being trained: its weights, and stopping it. */
export type MonitoredModel = Pick<TrainingModel, 'getWeights' | 'setWeights' | 'stopTraining'>;

interface Snapshot {
  readonly epoch: number;
  readonly weights: Float32Array[];
  readonly state: Float32Array[];
  readonly iterations: number;
}

/**
 * Watches a fit from inside its callback list: stops cleanly with the last good weights (those
 * of the lowest training loss so far) when the loss turns NaN or explodes, and notices a model
 * stuck on one class or overfitting. The checks are the doctor's (training-checks.ts); this
 * callback keeps the history they read and acts on the model, the trainer and its optimizer.
 */
export class TrainingMonitor implements Callback {
  private readonly model: MonitoredModel;
  private readonly trainer: Trainer;
  private readonly options: MonitorOptions;
  private good: Snapshot | undefined;
  private stopped = false;
  private firstLoss: number | undefined;
  private bestLoss = Infinity;
  private readonly losses: number[] = [];
  private readonly valLosses: number[] = [];
  private overfitReported = false;
  private predicted: number[] = [];
  /** Per class: this epoch's training rows predicted as their own class. */
  private found: number[] = [];
  private stuck = { top: 0, share: 0, othersFound: 0, epochs: 0 };
  private lastLogs: Logs = {};

  constructor(model: MonitoredModel, trainer: Trainer, options: MonitorOptions) {
    this.model = model;
    this.trainer = trainer;
    this.options = options;
  }

  private snapshot(epoch: number): void {
    const optimizer = this.trainer.optimizer;
    const state = optimizer.state.map((s) => s.slice());
    this.good = { epoch, weights: this.model.getWeights(), state, iterations: optimizer.iterations };
  }

  private restore(): string {
    const good = this.good!;
    this.model.setWeights(good.weights);
    const optimizer = this.trainer.optimizer;
    optimizer.state.forEach((s, i) => s.set(good.state[i]));
    optimizer.iterations = good.iterations;
    this.model.stopTraining = true;
    this.stopped = true;
    if (good.epoch < 0) return 'the weights from before training';
    return `the weights from the end of epoch ${good.epoch + 1}, its lowest training loss`;
  }

  onTrainBegin(): void {
    this.snapshot(-1);
    if (this.options.classes) this.trainer.onTrainBatch = (yPred, y) => this.tally(yPred, y);
  }

  onEpochBegin(): void {
    const classes = Math.max(2, this.options.classes?.counts.length ?? 2);
    this.predicted = new Array<number>(classes).fill(0);
    this.found = new Array<number>(classes).fill(0);
  }

  /**
   * yPred (rows, cols), y its labels: counts the predicted class of each row (threshold or
   * argmax), and the rows predicted as their own class.
   */
  private tally(yPred: Tensor, y: Tensor): void {
    const { data, rows, cols } = yPred;
    const count = (i: number, predicted: number) => {
      if (predicted >= this.predicted.length) return;
      this.predicted[predicted]++;
      if (actualClass(y, i) === predicted) this.found[predicted]++;
    };
    if (cols === 1) {
      const t = this.trainer.threshold;
      // NOTE: with fromLogits the output is a logit; compare it with the threshold's logit.
      const cut = this.trainer.loss.fromLogits ? Math.log(t / (1 - t)) : t;
      for (let i = 0; i < rows; i++) count(i, data[i] > cut ? 1 : 0);
      return;
    }
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let j = 1; j < cols; j++) if (data[i * cols + j] > data[i * cols + best]) best = j;
      count(i, best);
    }
  }

  onBatchEnd(batch: number, logs: Logs): void {
    if (this.stopped || logs.loss === undefined || Number.isFinite(logs.loss)) return;
    this.notFinite(`the training loss became ${logs.loss} at batch ${batch + 1} of epoch ${this.losses.length + 1}`);
  }

  private notFinite(what: string): void {
    const restored = this.restore();
    this.options.report(lossNotFinite(what, restored, this.losses.length, this.good!.epoch));
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    this.lastLogs = logs;
    if (this.stopped) return;
    const loss = logs.loss;
    const valLoss = logs.val_loss;
    if (!Number.isFinite(loss) || (valLoss !== undefined && !Number.isFinite(valLoss))) {
      const which = Number.isFinite(loss) ? 'validation' : 'training';
      this.notFinite(`the ${which} loss of epoch ${epoch + 1} is ${Number.isFinite(loss) ? valLoss : loss}`);
      return;
    }
    // NOTE: the last step of an epoch can turn weights NaN after every loss was computed.
    if (!this.model.getWeights().every((w) => w.every(Number.isFinite))) {
      this.notFinite(`the weights became NaN or infinite in the last step of epoch ${epoch + 1}`);
      return;
    }
    this.firstLoss ??= loss;
    if (hasExploded(loss, this.bestLoss, this.firstLoss)) {
      const restored = this.restore();
      this.options.report(lossExploding(loss, this.bestLoss, epoch, restored));
      return;
    }
    // NOTE: the weights kept for a restore are those of the lowest training loss so far, so a
    // loss that creeps up before it explodes does not leave the worse weights behind.
    if (loss <= this.bestLoss) this.snapshot(epoch);
    this.bestLoss = Math.min(this.bestLoss, loss);
    this.losses.push(loss);
    if (valLoss !== undefined) this.valLosses.push(valLoss);
    this.checkStuck();
    if (!this.overfitReported && !this.options.earlyStopping) {
      const found = overfitting(this.losses, this.valLosses, epoch);
      if (found) {
        this.overfitReported = true;
        this.options.report(found);
      }
    }
  }

  private checkStuck(): void {
    const classes = this.options.classes;
    if (!classes) return;
    const { top, share, othersFound, stuck } = epochPredictions(this.predicted, classes.counts, this.found);
    const epochs = stuck && top === this.stuck.top ? this.stuck.epochs + 1 : stuck ? 1 : 0;
    this.stuck = { top, share, othersFound, epochs };
  }

  onTrainEnd(): void {
    this.trainer.onTrainBatch = undefined;
    const classes = this.options.classes;
    if (this.stopped || !classes) return;
    const found = stuckOneClass(this.stuck, classes.counts, this.lastLogs, this.options.rareClassAdvice);
    if (found) this.options.report(found);
  }
}

/** Row i's class in labels y: a 0/1 (or −1/1) column, a class index, or a one-hot row. */
function actualClass(y: Tensor, i: number): number {
  const { data, cols } = y;
  if (cols === 1) return data[i] === 1 ? 1 : data[i] <= 0 ? 0 : data[i];
  let best = 0;
  for (let j = 1; j < cols; j++) if (data[i * cols + j] > data[i * cols + best]) best = j;
  return best;
}
