import { warning, type MetricWarning } from './evaluation/metric-warning.js';
import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkClassId, checkName, checkThreshold, compact } from './options.js';
import { ThresholdConfusion } from './threshold-confusion.js';

export interface RecallOptions {
  /** Positive when score > thresholds; default: the model's threshold (0.5 unless tuned). */
  readonly thresholds?: number;
  /** Score only this output column / class (one-vs-rest); default: every element. */
  readonly classId?: number;
  readonly name?: string;
}

/** Recall tp / (tp + fn) over the epoch, from weighted counts. 0 with no positives, with a warning. */
export class Recall implements Metric {
  readonly name: string;
  readonly direction: Direction = 'up';
  private readonly counts: ThresholdConfusion;

  constructor(options: RecallOptions = {}) {
    this.name = checkName('Recall', options.name, 'recall');
    this.counts = new ThresholdConfusion(checkThreshold('Recall', 'thresholds', options.thresholds), checkClassId('Recall', options.classId));
  }

  update(batch: MetricBatch): void {
    this.counts.update(batch, 'Recall');
  }

  result(): number {
    const positives = this.counts.tp + this.counts.fn;
    return positives === 0 ? 0 : this.counts.tp / positives;
  }

  reset(): void {
    this.counts.reset();
  }

  warnings(): readonly MetricWarning[] {
    if (this.counts.tp + this.counts.fn > 0) return [];
    return [warning(this.name, 'recall-undefined', 'No positive samples were seen: recall is set to 0.')];
  }

  getConfig(): MetricConfig {
    return { className: 'Recall', config: compact({ name: this.name, thresholds: this.counts.threshold, classId: this.counts.classId }) };
  }
}
