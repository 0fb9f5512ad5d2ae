import type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
import { checkClassId, checkName, checkThreshold, compact } from './options.js';
import { ThresholdConfusion } from './threshold-confusion.js';

export type ConfusionCell = 'tp' | 'fp' | 'tn' | 'fn';

const CELLS: Record<ConfusionCell, { className: string; name: string; direction: Direction }> = {
  tp: { className: 'TruePositives', name: 'true_positives', direction: 'up' },
  fp: { className: 'FalsePositives', name: 'false_positives', direction: 'down' },
  tn: { className: 'TrueNegatives', name: 'true_negatives', direction: 'up' },
  fn: { className: 'FalseNegatives', name: 'false_negatives', direction: 'down' },
};

export interface ConfusionCountOptions {
  /** Positive when score > thresholds; default: the model's threshold (0.5 unless tuned). */
  readonly thresholds?: number;
  readonly classId?: number;
  readonly name?: string;
}

/** The weighted number of true positives, false positives, true negatives or false negatives. */
export class ConfusionCount implements Metric {
  readonly name: string;
  readonly direction: Direction;
  readonly cell: ConfusionCell;
  private readonly counts: ThresholdConfusion;

  constructor(cell: ConfusionCell, options: ConfusionCountOptions = {}) {
    const spec = CELLS[cell];
    this.cell = cell;
    this.direction = spec.direction;
    this.name = checkName(spec.className, options.name, spec.name);
    this.counts = new ThresholdConfusion(
      checkThreshold(spec.className, 'thresholds', options.thresholds),
      checkClassId(spec.className, options.classId),
    );
  }

  update(batch: MetricBatch): void {
    this.counts.update(batch, CELLS[this.cell].className);
  }

  result(): number {
    return this.counts[this.cell];
  }

  reset(): void {
    this.counts.reset();
  }

  getConfig(): MetricConfig {
    return {
      className: CELLS[this.cell].className,
      config: compact({ name: this.name, thresholds: this.counts.threshold, classId: this.counts.classId }),
    };
  }
}
