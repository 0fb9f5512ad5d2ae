/**
 * Warnings carried in evaluation results. Where a quantity is undefined (0/0, one class only),
 * nnkit returns scikit-learn's conventional value and says so here, never a silent NaN.
 */
export type MetricWarningCode =
  /** precision = tp / (tp + fp) with nothing predicted positive: set to 0. */
  | 'precision-undefined'
  /** recall = tp / (tp + fn) with no true positives in the labels: set to 0. */
  | 'recall-undefined'
  /** F-score with neither true nor predicted samples of a class: set to 0. */
  | 'fscore-undefined'
  /** No negative samples: the false positive rate is meaningless (NaN on the ROC curve). */
  | 'no-negatives'
  /** No positive samples: true positive rate / recall is meaningless. */
  | 'no-positives'
  /** A predicted class is absent from the labels (balanced accuracy drops it). */
  | 'absent-class'
  /** Matthews correlation with a zero denominator: set to 0. */
  | 'mcc-undefined'
  /** ROC AUC with one class only, inside a summary that cannot throw: reported as null. */
  | 'auc-undefined'
  /** A bootstrap statistic was undefined in some resamples, which were left out. */
  | 'resamples-dropped'
  /** A bootstrap interval is undefined: too few resamples defined it, or they were degenerate. */
  | 'interval-undefined'
  /** A threshold objective's constraint could not be met; the closest point was returned. */
  | 'constraint-unmet'
  /** A calibration bin, or the whole input, holds no weight. */
  | 'empty-bin';

export interface MetricWarning {
  /** The quantity the warning is about: 'precision', 'recall', 'f-score', 'roc_curve', ... */
  readonly metric: string;
  readonly code: MetricWarningCode;
  readonly message: string;
}

/** A scalar evaluation result: the value and the conventions applied to reach it. */
export interface ScoreResult {
  readonly value: number;
  readonly warnings: readonly MetricWarning[];
}

export function warning(metric: string, code: MetricWarningCode, message: string): MetricWarning {
  return { metric, code, message };
}
