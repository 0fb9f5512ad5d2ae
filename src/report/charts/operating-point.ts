import type { ConfusionMatrixData } from '../report-data.js';

/** Where the model's decision threshold puts it on the ROC and PR curves. */
export interface OperatingPoint {
  readonly fpr: number;
  readonly tpr: number;
  /** Undefined when nothing is predicted positive (precision is 0 / 0). */
  readonly precision: number | undefined;
  readonly recall: number;
  readonly threshold: number | undefined;
}

/**
 * Reads the operating point off a binary confusion matrix (counts[actual][predicted], class 1
 * positive), so the marker on each curve agrees exactly with the matrix shown beside it.
 * Returns undefined when a rate is 0 / 0 (no positive or no negative rows).
 */
export function operatingPoint(confusion: ConfusionMatrixData): OperatingPoint | undefined {
  const [[trueNegatives, falsePositives], [falseNegatives, truePositives]] = confusion.counts;
  const positives = truePositives + falseNegatives;
  const negatives = trueNegatives + falsePositives;
  if (positives === 0 || negatives === 0) return undefined;
  const predictedPositive = truePositives + falsePositives;
  return {
    fpr: falsePositives / negatives,
    tpr: truePositives / positives,
    precision: predictedPositive === 0 ? undefined : truePositives / predictedPositive,
    recall: truePositives / positives,
    threshold: confusion.threshold,
  };
}
