import { warning, type MetricWarning } from './evaluation/metric-warning.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkClassId, checkName, checkThreshold, compact } from './options.js';
import { ThresholdConfusion } from './threshold-confusion.js';

export interface PrecisionOptions {
  /** Positive when score > thresholds; default: the model's threshold (0.5 unless tuned). */
  readonly thresholds?: number;
  /** Score only this output column / class (one-vs-rest); default: every element. */
  readonly classId?: number;
  readonly name?: string;
}

/**
 * Precision tp / (tp + fp) over the epoch, from weighted counts (never a mean of per-batch
 * precisions). 0 while nothing has been predicted positive, with a warning.
 */
export class Precision implements Metric {
  readonly name: string;
  readonly direction: Direction = 'up';
  private readonly counts: ThresholdConfusion;

  constructor(options: PrecisionOptions = {}) {
    this.name = checkName('Precision', options.name, 'precision');
    this.counts = new ThresholdConfusion(checkThreshold('Precision', 'thresholds', options.thresholds), checkClassId('Precision', options.classId));
  }

  update(batch: MetricBatch): void {
    this.counts.update(batch, 'Precision');
  }

  result(): number {
    const predicted = this.counts.tp + this.counts.fp;
    return predicted === 0 ? 0 : this.counts.tp / predicted;
  }

  reset(): void {
    this.counts.reset();
  }

  warnings(): readonly MetricWarning[] {
    if (this.counts.tp + this.counts.fp > 0) return [];
    return [warning(this.name, 'precision-undefined', 'Nothing was predicted positive: precision is set to 0.')];
  }

  getConfig(): MetricConfig {
    return { className: 'Precision', config: compact({ name: this.name, thresholds: this.counts.threshold, classId: this.counts.classId }) };
  }
}
