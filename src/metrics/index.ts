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

export * from './evaluation/index.js';
export { batchOf } from './batch-of.js';
