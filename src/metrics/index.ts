// The metrics suite's public surface: `metrics` (compile-time metric factories and the name
// registry), the metric classes and interface, and scikit-learn-like evaluation functions.
export { metrics } from './metrics-namespace.js';
export { getMetric, metricFromConfig, METRIC_NAMES } from './get-metric.js';
export type { Direction, Metric, MetricBatch, MetricConfig } from './metric.js';
export { Accuracy, resolveAccuracy, type AccuracyKind } from './accuracy.js';
export { AUC, type AucOptions } from './auc.js';
export type { AucCurve, AucSummation } from './auc-area.js';
export { ConfusionCount, type ConfusionCell, type ConfusionCountOptions } from './confusion-count.js';
export { FBetaScore, type FBetaScoreOptions, type FScoreAverage } from './f-beta-score.js';
export { MeanLossMetric, type LossMetricKind, type LossMetricOptions } from './mean-loss-metric.js';
export { Precision, type PrecisionOptions } from './precision.js';
export { Recall, type RecallOptions } from './recall.js';
export { TopKCategoricalAccuracy, type TopKOptions } from './top-k-categorical-accuracy.js';

export type { MetricWarning, MetricWarningCode, ScoreResult } from './evaluation/metric-warning.js';
export { accuracyScore } from './evaluation/accuracy-score.js';
export { averagePrecisionScore } from './evaluation/average-precision-score.js';
export { balancedAccuracy } from './evaluation/balanced-accuracy.js';
export { binaryEvaluation, type BinaryEvaluation } from './evaluation/binary-evaluation.js';
export type { BinaryCounts } from './evaluation/binary-counts.js';
export { bootstrapIntervals, type BootstrapIntervals, type BootstrapOptions, type Interval } from './evaluation/bootstrap-intervals.js';
export { brierScore } from './evaluation/brier-score.js';
export { classificationReport, type ClassificationReport, type ClassificationReportOptions } from './evaluation/classification-report.js';
export { confusionMatrix, type ConfusionMatrix, type ConfusionMatrixOptions } from './evaluation/confusion-matrix.js';
export { expectedCalibrationError } from './evaluation/expected-calibration-error.js';
export { logLoss, multiclassLogLoss, type LogLossOptions } from './evaluation/log-loss.js';
export { majorityBaseline, type MajorityBaseline } from './evaluation/majority-baseline.js';
export { matthewsCorrcoef } from './evaluation/matthews-corrcoef.js';
export { precisionRecallCurve, type PrecisionRecallCurve } from './evaluation/precision-recall-curve.js';
export {
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  type PerClassScores,
} from './evaluation/precision-recall-fscore-support.js';
export type { Average } from './evaluation/prf-counts.js';
export { reliabilityCurve, type ReliabilityBin, type ReliabilityOptions } from './evaluation/reliability-curve.js';
export { rocAucScore } from './evaluation/roc-auc-score.js';
export { rocCurve, type RocCurve, type RocCurveOptions } from './evaluation/roc-curve.js';
export { topKAccuracyScore } from './evaluation/top-k-accuracy-score.js';
export { batchOf } from './batch-of.js';
