import { ConfigError, ShapeError, show } from '../errors.js';
import { argmaxRow } from './accuracy.js';
import { warning, type MetricWarning } from './evaluation/metric-warning.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkChoice, checkName, checkThreshold, compact } from './options.js';

export type FScoreAverage = 'micro' | 'macro' | 'weighted' | 'none';

export interface FBetaScoreOptions {
  /** Recall weighs beta times as much as precision (default 1: F1). */
  readonly beta?: number;
  /**
   * Positive when score > threshold. With one output unit, default: the model's threshold.
   * With several outputs, default: the argmax class is the prediction (Keras' default).
   */
  readonly threshold?: number;
  /** How per-class scores combine (default 'macro'); 'none' keeps them, see perClass(). */
  readonly average?: FScoreAverage;
  readonly name?: string;
}

const AVERAGES: readonly FScoreAverage[] = ['micro', 'macro', 'weighted', 'none'];

/**
 * F-beta over the epoch from per-class weighted counts, exact (no epsilon in the divisions,
 * unlike Keras; undefined ratios are 0 as in scikit-learn). A single sigmoid unit is one class,
 * the positive class, thresholded (Keras' F1Score would take the argmax of one column and call
 * every sample positive). Several outputs are classes: one-hot or sparse labels both work.
 */
export class FBetaScore implements Metric {
  readonly name: string;
  readonly direction: Direction = 'up';
  readonly beta: number;
  readonly average: FScoreAverage;
  private readonly threshold: number | undefined;
  private readonly className: string;
  private tp: number[] = [];
  private fp: number[] = [];
  private fn: number[] = [];

  constructor(options: FBetaScoreOptions = {}, className: 'FBetaScore' | 'F1Score' = 'FBetaScore') {
    this.className = className;
    const beta = options.beta ?? 1;
    if (typeof beta !== 'number' || !(beta > 0) || !Number.isFinite(beta)) {
      throw new ConfigError('config/beta', `${className}: beta must be a positive number (1 for F1) but got ${show(beta)}.`);
    }
    this.beta = beta;
    this.threshold = checkThreshold(className, 'threshold', options.threshold);
    this.average = checkChoice(className, 'average', options.average, AVERAGES, 'macro');
    this.name = checkName(className, options.name, className === 'F1Score' ? 'f1_score' : 'fbeta_score');
  }

  update(batch: MetricBatch): void {
    const { yTrue, yPred, rows, labelCols, predCols, sampleWeight } = batch;
    const sparse = labelCols === 1 && predCols > 1;
    if (!sparse && labelCols !== predCols) {
      throw new ShapeError(
        'shape/metric-columns',
        `${this.className}: labels have ${labelCols} columns but predictions have ${predCols}; pass one-hot labels or class indices.`,
      );
    }
    if (this.tp.length === 0) {
      this.tp = new Array<number>(predCols).fill(0);
      this.fp = new Array<number>(predCols).fill(0);
      this.fn = new Array<number>(predCols).fill(0);
    } else if (this.tp.length !== predCols) {
      throw new ShapeError('shape/metric-classes', `${this.className}: saw ${this.tp.length} classes before, now ${predCols}.`);
    }
    const threshold = predCols === 1 ? (this.threshold ?? batch.threshold) : this.threshold;
    for (let i = 0; i < rows; i++) {
      const w = sampleWeight ? sampleWeight[i] : 1;
      const top = threshold === undefined ? argmaxRow(yPred, i * predCols, predCols) : -1;
      for (let k = 0; k < predCols; k++) {
        const predicted = threshold === undefined ? k === top : yPred[i * predCols + k] > threshold;
        const actual = sparse ? Math.round(yTrue[i]) === k : yTrue[i * labelCols + k] > 0.5;
        if (predicted && actual) this.tp[k] += w;
        else if (predicted) this.fp[k] += w;
        else if (actual) this.fn[k] += w;
      }
    }
  }

  private score(tp: number, fp: number, fn: number): number {
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const beta2 = this.beta * this.beta;
    const denominator = beta2 * precision + recall;
    return denominator === 0 ? 0 : ((1 + beta2) * precision * recall) / denominator;
  }

  perClass(): readonly number[] {
    return this.tp.map((tp, k) => this.score(tp, this.fp[k], this.fn[k]));
  }

  /** The averaged score; with average 'none' the macro mean (perClass() holds the values). */
  result(): number {
    if (this.tp.length === 0) return 0;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    if (this.average === 'micro') return this.score(sum(this.tp), sum(this.fp), sum(this.fn));
    const scores = this.perClass();
    if (this.average === 'weighted') {
      const support = this.tp.map((tp, k) => tp + this.fn[k]);
      const total = sum(support);
      return total === 0 ? 0 : scores.reduce((acc, s, k) => acc + s * support[k], 0) / total;
    }
    return sum([...scores]) / scores.length;
  }

  reset(): void {
    this.tp = [];
    this.fp = [];
    this.fn = [];
  }

  warnings(): readonly MetricWarning[] {
    const empty = this.tp.map((tp, k) => (tp + this.fp[k] + this.fn[k] === 0 ? k : -1)).filter((k) => k >= 0);
    // NOTE: micro pools the classes, so it is undefined only when every class is empty.
    if (empty.length === 0 || (this.average === 'micro' && empty.length < this.tp.length)) return [];
    return [warning(this.name, 'fscore-undefined', `No true nor predicted samples of class ${empty.join(', ')}: its F-score is 0.`)];
  }

  getConfig(): MetricConfig {
    const beta = this.className === 'F1Score' ? undefined : this.beta;
    return { className: this.className, config: compact({ name: this.name, beta, threshold: this.threshold, average: this.average }) };
  }
}
