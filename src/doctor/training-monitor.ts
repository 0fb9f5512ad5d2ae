import type { Callback, Logs } from '../callbacks/callback.js';
import type { Model } from '../model/model.js';
import type { Trainer } from '../model/trainer.js';
import type { Tensor } from '../tensor/tensor.js';
import { diagnose, type Diagnostic } from './diagnostic.js';
import { classShares, type LabelClasses } from './label-classes.js';

/** Consecutive epochs of rising validation loss (with falling training loss) that mean overfitting. */
const OVERFIT_EPOCHS = 3;
/** How far above its best the validation loss must be, so a flat curve's noise is not called overfitting. */
const OVERFIT_RISE = 1.05;
/** An epoch loss this many times the best one so far, and worse than at the start, has exploded. */
const EXPLODE_FACTOR = 10;
/** Share of predictions in one class that counts as "predicting one class". */
const STUCK_SHARE = 0.99;
/** Epochs in a row, at the end of fit, stuck on one class before the doctor says so. */
const STUCK_EPOCHS = 2;

export interface MonitorOptions {
  /** The training labels' classes, when the task has one class per row. */
  readonly classes: LabelClasses | undefined;
  /** Whether an EarlyStopping callback already guards against overfitting. */
  readonly earlyStopping: boolean;
  /** Reports a warning to the model's doctor; returns it when kept (not silenced). */
  readonly report: (diagnostic: Diagnostic) => Diagnostic | undefined;
}

interface Snapshot {
  readonly epoch: number;
  readonly weights: Float32Array[];
  readonly state: Float32Array[];
  readonly iterations: number;
}

const format = (v: number) => (Number.isFinite(v) ? v.toPrecision(4) : String(v));

/**
 * Watches a fit from inside its callback list: stops cleanly with the last good weights (those
 * of the lowest training loss so far) when the loss turns NaN or explodes, and notices a model
 * stuck on one class or overfitting.
 */
export class TrainingMonitor implements Callback {
  private readonly model: Model;
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
  private stuckEpochs = 0;
  private stuckClass = 0;
  private stuckShare = 0;
  private lastLogs: Logs = {};

  constructor(model: Model, trainer: Trainer, options: MonitorOptions) {
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
    this.predicted = new Array<number>(Math.max(2, this.options.classes?.counts.length ?? 2)).fill(0);
  }

  /** yPred (rows, cols): counts the predicted class of each row (threshold or argmax). */
  private tally(yPred: Tensor, _y: Tensor): void {
    const { data, rows, cols } = yPred;
    if (cols === 1) {
      const t = this.trainer.threshold;
      // NOTE: with fromLogits the output is a logit; compare it with the threshold's logit.
      const cut = this.trainer.loss.fromLogits ? Math.log(t / (1 - t)) : t;
      for (let i = 0; i < rows; i++) this.predicted[data[i] > cut ? 1 : 0]++;
      return;
    }
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let j = 1; j < cols; j++) if (data[i * cols + j] > data[i * cols + best]) best = j;
      if (best < this.predicted.length) this.predicted[best]++;
    }
  }

  onBatchEnd(batch: number, logs: Logs): void {
    if (this.stopped || logs.loss === undefined || Number.isFinite(logs.loss)) return;
    this.notFinite(`the training loss became ${logs.loss} at batch ${batch + 1} of epoch ${this.losses.length + 1}`);
  }

  private notFinite(what: string): void {
    const restored = this.restore();
    this.options.report(diagnose('loss-not-finite', 'training', {
      what: `Training stopped: ${what}.`,
      why: 'Once a weight is NaN or infinite every prediction is too, and training cannot recover.',
      fix: `The model now holds ${restored}. Lower the learning rate (e.g. 10 times), ` +
        `standardize the features, or set clipnorm: 1 on the optimizer; check the data for ` +
        `extreme values.`,
    }, { epoch: this.losses.length, restoredEpoch: this.good!.epoch }));
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
    if (loss > EXPLODE_FACTOR * this.bestLoss && loss > this.firstLoss) {
      const restored = this.restore();
      this.options.report(diagnose('loss-exploding', 'training', {
        what: `Training stopped: the loss jumped to ${format(loss)} at epoch ${epoch + 1}, over ` +
          `${EXPLODE_FACTOR} times its best value ${format(this.bestLoss)}.`,
        why: 'Steps that large throw the weights away from any minimum; left running, the loss ' +
          'usually goes on to NaN.',
        fix: `The model now holds ${restored}. Lower the learning rate (e.g. 10 times), ` +
          `standardize the features, or set clipnorm: 1 on the optimizer.`,
      }, { epoch, loss, bestLoss: this.bestLoss }));
      return;
    }
    // NOTE: the weights kept for a restore are those of the lowest training loss so far, so a
    // loss that creeps up before it explodes does not leave the worse weights behind.
    if (loss <= this.bestLoss) this.snapshot(epoch);
    this.bestLoss = Math.min(this.bestLoss, loss);
    this.losses.push(loss);
    if (valLoss !== undefined) this.valLosses.push(valLoss);
    this.checkStuck();
    this.checkOverfitting(epoch);
  }

  private checkStuck(): void {
    const classes = this.options.classes;
    if (!classes) return;
    const total = this.predicted.reduce((a, b) => a + b, 0);
    const { shares, present } = classShares(classes.counts);
    let top = 0;
    for (let c = 1; c < this.predicted.length; c++) if (this.predicted[c] > this.predicted[top]) top = c;
    const share = total === 0 ? 0 : this.predicted[top] / total;
    const stuck = present >= 2 && share >= STUCK_SHARE && (shares[top] ?? 0) <= 0.95;
    this.stuckEpochs = stuck && top === this.stuckClass ? this.stuckEpochs + 1 : stuck ? 1 : 0;
    this.stuckClass = top;
    this.stuckShare = share;
  }

  private checkOverfitting(epoch: number): void {
    const n = this.valLosses.length;
    if (this.overfitReported || this.options.earlyStopping || n !== this.losses.length || n <= OVERFIT_EPOCHS) return;
    for (let i = n - OVERFIT_EPOCHS; i < n; i++) {
      if (!(this.valLosses[i] > this.valLosses[i - 1] && this.losses[i] < this.losses[i - 1])) return;
    }
    const best = Math.min(...this.valLosses);
    if (this.valLosses[n - 1] < OVERFIT_RISE * best) return;
    const bestEpoch = this.valLosses.indexOf(best);
    this.overfitReported = true;
    this.options.report(diagnose('overfitting', 'training', {
      what: `Validation loss rose for ${OVERFIT_EPOCHS} epochs in a row (from ${format(best)} at ` +
        `epoch ${bestEpoch + 1} to ${format(this.valLosses[n - 1])} at epoch ${epoch + 1}) while ` +
        `the training loss kept falling.`,
      why: 'The model is fitting details of the training rows that do not carry over to new ' +
        'rows; validation scores will keep getting worse.',
      fix: "Add callbacks: [nn.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3, " +
        "restoreBestWeights: true })], add Dropout or an L2 kernelRegularizer, use fewer units, " +
        "or get more data.",
    }, { bestEpoch, bestValLoss: best, epoch }));
  }

  onTrainEnd(): void {
    this.trainer.onTrainBatch = undefined;
    const classes = this.options.classes;
    if (this.stopped || !classes || this.stuckEpochs < STUCK_EPOCHS) return;
    const { shares, majority } = classShares(classes.counts);
    const accuracyKey = Object.keys(this.lastLogs).find((k) => !k.startsWith('val_') && /acc/.test(k));
    const accuracy = accuracyKey === undefined ? ''
      : ` Its ${accuracyKey} (${format(this.lastLogs[accuracyKey])}) sits at the majority baseline (${format(shares[majority])}).`;
    const c = this.stuckClass;
    this.options.report(diagnose('stuck-one-class', 'training', {
      what: `For the last ${this.stuckEpochs} epochs the model predicted class ${c} for ` +
        `${(100 * this.stuckShare).toFixed(1)}% of the training rows, while ` +
        `${(100 * (shares[c] ?? 0)).toFixed(1)}% of the labels are class ${c}.${accuracy}`,
      why: 'A model that outputs one class has learned the class balance, not the features: it ' +
        'finds none of the other rows, and its accuracy only reflects how common that class is.',
      fix: 'Standardize the features, check that the labels line up with the rows, try a higher ' +
        'learning rate or more epochs, and for rare classes pass classWeight (e.g. { 0: 1, 1: 5 ' +
        '}) to fit.',
    }, { class: c, predictedShare: this.stuckShare, labelShare: shares[c] ?? 0, epochs: this.stuckEpochs }));
  }
}
