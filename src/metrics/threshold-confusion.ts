import { forEachBinaryPair } from './binary-pairs.js';
import type { MetricBatch } from './metric.js';

/**
 * Weighted confusion counts at one threshold, accumulated over batches: the state shared by
 * precision, recall and the count metrics. A score strictly greater than the threshold is
 * predicted positive (Keras' rule); a score equal to it is negative.
 */
export class ThresholdConfusion {
  tp = 0;
  fp = 0;
  tn = 0;
  fn = 0;
  /** Own threshold, or undefined to use the model's (batch.threshold) at each update. */
  readonly threshold: number | undefined;
  readonly classId: number | undefined;

  constructor(threshold: number | undefined, classId: number | undefined) {
    this.threshold = threshold;
    this.classId = classId;
  }

  update(batch: MetricBatch, owner: string): void {
    const threshold = this.threshold ?? batch.threshold;
    forEachBinaryPair(batch, this.classId, owner, (positive, score, weight) => {
      if (score > threshold) {
        if (positive) this.tp += weight;
        else this.fp += weight;
      } else if (positive) this.fn += weight;
      else this.tn += weight;
    });
  }

  reset(): void {
    this.tp = 0;
    this.fp = 0;
    this.tn = 0;
    this.fn = 0;
  }
}
