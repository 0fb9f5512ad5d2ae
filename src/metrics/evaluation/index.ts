// The scikit-learn-like evaluation functions over arrays of labels and scores, in float64
// (`nn.evaluation.f1Score(yTrue, yPred)`), apart from the streaming metrics of the same names.
export type { MetricWarning, MetricWarningCode, ScoreResult } from './metric-warning.js';
export { accuracyScore } from './accuracy-score.js';
export { averagePrecisionScore } from './average-precision-score.js';
export { balancedAccuracy } from './balanced-accuracy.js';
export { binaryEvaluation, type BinaryEvaluation } from './binary-evaluation.js';
export type { BinaryCounts } from './binary-counts.js';
export { bootstrapIntervals, type BootstrapIntervals, type BootstrapOptions, type Interval } from './bootstrap-intervals.js';
export { brierScore } from './brier-score.js';
export { classificationReport, type ClassificationReport, type ClassificationReportOptions } from './classification-report.js';
export { confusionMatrix, type ConfusionMatrix, type ConfusionMatrixOptions } from './confusion-matrix.js';
export { expectedCalibrationError } from './expected-calibration-error.js';
export { isotonicPredict, isotonicRegression, type IsotonicFit } from './isotonic-regression.js';
export { plattPredict, plattScaling, type PlattFit } from './platt-scaling.js';
export { logLoss, multiclassLogLoss, type LogLossOptions } from './log-loss.js';
export { majorityBaseline, type MajorityBaseline } from './majority-baseline.js';
export { matthewsCorrcoef } from './matthews-corrcoef.js';
export { precisionRecallCurve, type PrecisionRecallCurve } from './precision-recall-curve.js';
export {
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
  type PerClassScores,
} from './precision-recall-fscore-support.js';
export type { Average } from './prf-counts.js';
export { reliabilityCurve, type ReliabilityBin, type ReliabilityOptions } from './reliability-curve.js';
export { rocAucScore } from './roc-auc-score.js';
export { rocCurve, type RocCurve, type RocCurveOptions } from './roc-curve.js';
export { applyTemperature, temperatureScaling, temperatureUnbounded } from './temperature-scaling.js';
export { topKAccuracyScore } from './top-k-accuracy-score.js';
