import { ConfigError, show } from '../errors.js';
import { kerasAucArea, type AucCurve, type AucSummation } from './auc-area.js';
import { aucThresholds, evenBucket, isEvenlySpaced, searchBucket } from './auc-thresholds.js';
import { forEachBinaryPair } from './binary-pairs.js';
import { averagePrecisionScore } from './evaluation/average-precision-score.js';
import { warning, type MetricWarning } from './evaluation/metric-warning.js';
import { rocAucScore } from './evaluation/roc-auc-score.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkBoolean, checkChoice, checkClassId, checkName, checkPositiveInteger, compact } from './options.js';

export interface AucOptions {
  /** Thresholds of Keras' approximation, including the two ends (default 200). */
  readonly numThresholds?: number;
  /** 'ROC' (default) or 'PR' (precision-recall). */
  readonly curve?: AucCurve;
  /** Riemann sum of the approximation (default 'interpolation', Keras'). */
  readonly summationMethod?: AucSummation;
  /** Interior thresholds in [0, 1] instead of evenly spaced ones (numThresholds is then ignored). */
  readonly thresholds?: readonly number[];
  /** Apply a sigmoid to the outputs first (for a model that outputs logits). */
  readonly fromLogits?: boolean;
  /**
   * Exact mode: keep every score and compute scikit-learn's exact value at the end: ROC AUC
   * (every distinct score a threshold) or, for curve 'PR', average precision.
   */
  readonly exact?: boolean;
  /** Score only this output column / class (one-vs-rest); default: every element. */
  readonly classId?: number;
  readonly name?: string;
}

/** The most buckets an AUC keeps (16 MB of counts); more would not change any printed digit. */
const MAX_THRESHOLDS = 1_000_000;

/**
 * Area under the ROC or PR curve over the epoch. By default Keras' approximation, number for
 * number: scores are counted in numThresholds buckets ([-ε, i/(T-1)..., 1+ε], score > t) and
 * the curve through those points is summed. With `exact: true`, scikit-learn's exact value.
 * With one class only the area is undefined: the result is 0 (as Keras) with a warning.
 */
export class AUC implements Metric {
  readonly name: string;
  readonly direction: Direction = 'up';
  readonly numThresholds: number;
  readonly curve: AucCurve;
  readonly summationMethod: AucSummation;
  readonly exact: boolean;
  readonly fromLogits: boolean;
  readonly classId: number | undefined;
  /** Every threshold, increasing, the ε ends included. */
  readonly thresholds: readonly number[];
  private readonly interior: readonly number[] | undefined;
  private readonly evenlySpaced: boolean;
  private readonly thresholds32: Float32Array;
  private positiveBuckets: Float64Array;
  private negativeBuckets: Float64Array;
  private positives = 0;
  private negatives = 0;
  private labels: number[] = [];
  private scores: number[] = [];
  private weights: number[] = [];

  constructor(options: AucOptions = {}) {
    this.curve = checkChoice('AUC', 'curve', options.curve, ['ROC', 'PR'] as const, 'ROC');
    this.summationMethod = checkChoice('AUC', 'summationMethod', options.summationMethod, ['interpolation', 'minoring', 'majoring'] as const, 'interpolation');
    this.exact = checkBoolean('AUC', 'exact', options.exact, false);
    this.fromLogits = checkBoolean('AUC', 'fromLogits', options.fromLogits, false);
    this.classId = checkClassId('AUC', options.classId);
    this.name = checkName('AUC', options.name, 'auc');
    if (options.thresholds !== undefined) {
      const interior = options.thresholds;
      if (!Array.isArray(interior) || interior.some((t) => typeof t !== 'number' || !(t >= 0 && t <= 1))) {
        throw new ConfigError('config/auc-thresholds', `AUC: thresholds must be a list of numbers in [0, 1] but got ${show(interior)}.`);
      }
      this.interior = [...interior];
      this.numThresholds = interior.length + 2;
      this.evenlySpaced = isEvenlySpaced(interior);
    } else {
      this.numThresholds = checkPositiveInteger('AUC', 'numThresholds', options.numThresholds, 200, 2);
      // NOTE: a bound, because a loaded model.json sets it and each threshold costs memory
      // (1e9 was an out-of-memory crash); exact: true gives every distinct score without buckets.
      if (this.numThresholds > MAX_THRESHOLDS) {
        throw new ConfigError('config/auc-thresholds', `AUC: numThresholds ${this.numThresholds} is above ${MAX_THRESHOLDS}; for exact values use auc({ exact: true }).`);
      }
      this.evenlySpaced = true;
    }
    this.thresholds = aucThresholds(this.numThresholds, this.interior);
    this.thresholds32 = Float32Array.from(this.thresholds);
    this.positiveBuckets = new Float64Array(this.numThresholds);
    this.negativeBuckets = new Float64Array(this.numThresholds);
  }

  update(batch: MetricBatch): void {
    forEachBinaryPair(batch, this.classId, 'AUC', (positive, rawScore, weight) => {
      // NOTE: Keras applies the sigmoid in float32; so do we, to land in the same buckets.
      const score = this.fromLogits ? Math.fround(1 / (1 + Math.exp(-rawScore))) : rawScore;
      if (positive) this.positives += weight;
      else this.negatives += weight;
      if (this.exact) {
        this.labels.push(positive ? 1 : 0);
        this.scores.push(score);
        this.weights.push(weight);
        return;
      }
      const bucket = this.evenlySpaced ? evenBucket(score, this.numThresholds) : searchBucket(score, this.thresholds32);
      if (bucket < 0) return;
      if (positive) this.positiveBuckets[bucket] += weight;
      else this.negativeBuckets[bucket] += weight;
    });
  }

  /** Weighted confusion counts at each threshold (tp[j]: positives scoring above thresholds[j]). */
  thresholdCounts(): { tp: Float64Array; fp: Float64Array; tn: Float64Array; fn: Float64Array } {
    const T = this.numThresholds;
    const tp = new Float64Array(T);
    const fp = new Float64Array(T);
    let tpSum = 0;
    let fpSum = 0;
    for (let j = T - 1; j >= 0; j--) {
      tpSum += this.positiveBuckets[j];
      fpSum += this.negativeBuckets[j];
      tp[j] = tpSum;
      fp[j] = fpSum;
    }
    return { tp, fp, tn: fp.map((v) => this.negatives - v), fn: tp.map((v) => this.positives - v) };
  }

  result(): number {
    if (!this.exact) return kerasAucArea(this.thresholdCounts(), this.curve, this.summationMethod);
    if (this.positives === 0 || this.negatives === 0) return 0;
    const options = { sampleWeight: this.weights };
    return this.curve === 'ROC'
      ? rocAucScore(this.labels, this.scores, options).value
      : averagePrecisionScore(this.labels, this.scores, options).value;
  }

  reset(): void {
    this.positiveBuckets = new Float64Array(this.numThresholds);
    this.negativeBuckets = new Float64Array(this.numThresholds);
    this.positives = 0;
    this.negatives = 0;
    this.labels = [];
    this.scores = [];
    this.weights = [];
  }

  warnings(): readonly MetricWarning[] {
    if (this.positives > 0 && this.negatives > 0) return [];
    const missing = this.positives === 0 ? 'positive' : 'negative';
    return [warning(this.name, 'auc-undefined', `No ${missing} samples were seen: the area is undefined and set to 0.`)];
  }

  getConfig(): MetricConfig {
    return {
      className: 'AUC',
      config: compact({
        name: this.name,
        numThresholds: this.interior ? undefined : this.numThresholds,
        curve: this.curve,
        summationMethod: this.summationMethod,
        thresholds: this.interior ? [...this.interior] : undefined,
        fromLogits: this.fromLogits,
        exact: this.exact,
        classId: this.classId,
      }),
    };
  }
}
