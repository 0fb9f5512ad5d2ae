import { Accuracy } from './accuracy.js';
import { AUC, type AucOptions } from './auc.js';
import { ConfusionCount, type ConfusionCountOptions } from './confusion-count.js';
import { FBetaScore, type FBetaScoreOptions } from './f-beta-score.js';
import { getMetric, metricFromConfig, METRIC_NAMES } from './get-metric.js';
import { MeanLossMetric, type LossMetricOptions } from './mean-loss-metric.js';
import { Precision, type PrecisionOptions } from './precision.js';
import { Recall, type RecallOptions } from './recall.js';
import { TopKCategoricalAccuracy, type TopKOptions } from './top-k-categorical-accuracy.js';

type Named = { readonly name?: string };
type Thresholded = Named & { readonly threshold?: number };

/**
 * `nn.metrics`: factories for compile-time metrics, e.g. `nn.metrics.precision({ thresholds: 0.3 })`.
 * Thresholded metrics predict positive when score > threshold (strict, Keras' rule) and, when
 * given no threshold of their own, use the model's (0.5 unless tuned).
 */
export const metrics = {
  /** 'accuracy' resolved from the shapes as Keras 3 does (binary, categorical or sparse). */
  accuracy: (options: Thresholded = {}) => new Accuracy(options),
  binaryAccuracy: (options: Thresholded = {}) => new Accuracy({ ...options, kind: 'binary' }),
  categoricalAccuracy: (options: Named = {}) => new Accuracy({ ...options, kind: 'categorical' }),
  sparseCategoricalAccuracy: (options: Named = {}) => new Accuracy({ ...options, kind: 'sparse_categorical' }),
  topKCategoricalAccuracy: (options: TopKOptions = {}) => new TopKCategoricalAccuracy(options, false),
  sparseTopKCategoricalAccuracy: (options: TopKOptions = {}) => new TopKCategoricalAccuracy(options, true),
  precision: (options: PrecisionOptions = {}) => new Precision(options),
  recall: (options: RecallOptions = {}) => new Recall(options),
  f1Score: (options: Omit<FBetaScoreOptions, 'beta'> = {}) => new FBetaScore(options, 'F1Score'),
  fBetaScore: (options: FBetaScoreOptions = {}) => new FBetaScore(options, 'FBetaScore'),
  auc: (options: AucOptions = {}) => new AUC(options),
  truePositives: (options: ConfusionCountOptions = {}) => new ConfusionCount('tp', options),
  falsePositives: (options: ConfusionCountOptions = {}) => new ConfusionCount('fp', options),
  trueNegatives: (options: ConfusionCountOptions = {}) => new ConfusionCount('tn', options),
  falseNegatives: (options: ConfusionCountOptions = {}) => new ConfusionCount('fn', options),
  binaryCrossentropy: (options: LossMetricOptions = {}) => new MeanLossMetric('binary_crossentropy', options),
  categoricalCrossentropy: (options: LossMetricOptions = {}) => new MeanLossMetric('categorical_crossentropy', options),
  sparseCategoricalCrossentropy: (options: LossMetricOptions = {}) => new MeanLossMetric('sparse_categorical_crossentropy', options),
  meanSquaredError: (options: Named = {}) => new MeanLossMetric('mean_squared_error', options),
  /** A metric from a name, a config or a metric object (see getMetric). */
  get: getMetric,
  /** Rebuilds a metric from getConfig()'s output. */
  fromConfig: metricFromConfig,
  /** Every name `get` accepts, in snake_case. */
  names: METRIC_NAMES,
} as const;
