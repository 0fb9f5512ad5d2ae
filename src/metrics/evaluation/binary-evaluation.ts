import { ConfigError, show } from '../../errors.js';
import { averagePrecisionScore } from './average-precision-score.js';
import { balancedAccuracy } from './balanced-accuracy.js';
import { binaryCounts, countScores, ratio, type BinaryCounts } from './binary-counts.js';
import { brierScore } from './brier-score.js';
import { expectedCalibrationError } from './expected-calibration-error.js';
import { binaryLabels, probabilities, sampleWeights, type Numbers } from './inputs.js';
import { logLoss } from './log-loss.js';
import { majorityBaseline, type MajorityBaseline } from './majority-baseline.js';
import { matthewsCorrcoef } from './matthews-corrcoef.js';
import { warning, type MetricWarning } from './metric-warning.js';
import { precisionRecallCurve, type PrecisionRecallCurve } from './precision-recall-curve.js';
import { reliabilityCurve, type ReliabilityBin } from './reliability-curve.js';
import { trapezoid } from './roc-auc-score.js';
import { rocCurve, type RocCurve } from './roc-curve.js';

export interface BinaryEvaluation {
  /** Decision threshold: predicted positive when score > threshold. */
  readonly threshold: number;
  readonly samples: number;
  /** Weighted counts of positives and negatives in yTrue. */
  readonly positives: number;
  readonly negatives: number;
  readonly counts: BinaryCounts;
  /** [[tn, fp], [fn, tp]]: rows are true classes, columns predicted (scikit-learn's layout). */
  readonly confusionMatrix: number[][];
  readonly accuracy: number;
  /** The majority-class baseline: accuracy of always predicting the most frequent class. */
  readonly baseline: MajorityBaseline;
  readonly precision: number;
  readonly recall: number;
  /** True negative rate tn / (tn + fp). */
  readonly specificity: number;
  readonly f1: number;
  /** Mean of recall and specificity over the classes present. */
  readonly balancedAccuracy: number;
  readonly matthewsCorrcoef: number;
  /** Exact ROC AUC, or null when yTrue holds one class (see warnings). */
  readonly rocAuc: number | null;
  readonly averagePrecision: number;
  readonly logLoss: number;
  readonly brierScore: number;
  readonly expectedCalibrationError: number;
  readonly rocCurve: RocCurve;
  readonly precisionRecallCurve: PrecisionRecallCurve;
  readonly reliabilityCurve: ReliabilityBin[];
  /** Every convention applied (undefined ratios set to 0, one-class AUC...), in one list. */
  readonly warnings: readonly MetricWarning[];
}

/**
 * Everything an evaluation report shows about a binary classifier, from labels and predicted
 * probabilities of class 1: the confusion matrix at `threshold` (default 0.5, score > t), the
 * scores it gives, the majority baseline, threshold-free scores (ROC AUC, average precision,
 * log loss, Brier, calibration error) and the curves behind them.
 */
export function binaryEvaluation(
  yTrue: Numbers,
  yScore: Numbers,
  options: { threshold?: number; sampleWeight?: Numbers } = {},
): BinaryEvaluation {
  const fn = 'binaryEvaluation';
  const threshold = options.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) {
    throw new ConfigError('config/threshold', `${fn}: threshold must be a finite number but got ${show(threshold)}.`);
  }
  const labels = binaryLabels(fn, yTrue);
  const scores = probabilities(fn, 'yScore', yScore, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const sampleWeight = options.sampleWeight;
  const counts = binaryCounts(labels, scores, threshold, weights);
  const { tp, fp, tn, fn: falseNegatives } = counts;
  const positives = tp + falseNegatives;
  const negatives = tn + fp;
  const { precision, recall, fBeta: f1 } = countScores(counts);
  const warnings: MetricWarning[] = [];
  if (tp + fp === 0) warnings.push(warning('precision', 'precision-undefined', 'Nothing is predicted positive: precision set to 0.'));
  if (positives === 0) warnings.push(warning('recall', 'recall-undefined', 'No positive samples: recall set to 0.'));
  if (positives === 0 && tp + fp === 0) {
    warnings.push(warning('f-score', 'fscore-undefined', 'No true nor predicted positives: F1 set to 0.'));
  }
  if (negatives === 0) warnings.push(warning('specificity', 'no-negatives', 'No negative samples: specificity set to 0.'));
  const predictions = Array.from(scores, (s) => (s > threshold ? 1 : 0));
  const mcc = matthewsCorrcoef(labels, predictions, { sampleWeight });
  const roc = rocCurve(labels, scores, { sampleWeight });
  let rocAuc: number | null = null;
  if (positives > 0 && negatives > 0) rocAuc = trapezoid(roc.fpr, roc.tpr);
  else warnings.push(warning('roc_auc', 'auc-undefined', 'yTrue holds one class: ROC AUC is undefined (null).'));
  const ap = averagePrecisionScore(labels, scores, { sampleWeight });
  const pr = precisionRecallCurve(labels, scores, { sampleWeight });
  const ece = expectedCalibrationError(labels, scores, { sampleWeight });
  warnings.push(...mcc.warnings, ...roc.warnings, ...ap.warnings, ...ece.warnings);
  const balanced = balancedAccuracy(labels, predictions, { sampleWeight });
  warnings.push(...balanced.warnings);
  return {
    threshold,
    samples: labels.length,
    positives,
    negatives,
    counts,
    confusionMatrix: [
      [tn, fp],
      [falseNegatives, tp],
    ],
    accuracy: ratio(tp + tn, positives + negatives),
    baseline: majorityBaseline(labels, { sampleWeight }),
    precision,
    recall,
    specificity: ratio(tn, negatives),
    f1,
    balancedAccuracy: balanced.value,
    matthewsCorrcoef: mcc.value,
    rocAuc,
    averagePrecision: ap.value,
    logLoss: logLoss(labels, scores, { sampleWeight }).value,
    brierScore: brierScore(labels, scores, { sampleWeight }).value,
    expectedCalibrationError: ece.value,
    rocCurve: roc,
    precisionRecallCurve: pr,
    reliabilityCurve: reliabilityCurve(labels, scores, { sampleWeight }),
    warnings,
  };
}
