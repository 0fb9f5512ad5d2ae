import { ConfigError, show } from '../errors.js';
import { Accuracy, type AccuracyKind } from './accuracy.js';
import { AUC, type AucOptions } from './auc.js';
import { ConfusionCount, type ConfusionCountOptions } from './confusion-count.js';
import { FBetaScore, type FBetaScoreOptions } from './f-beta-score.js';
import { MeanLossMetric, type LossMetricOptions } from './mean-loss-metric.js';
import type { Metric, MetricConfig } from './metric.js';
import { Precision, type PrecisionOptions } from './precision.js';
import { Recall, type RecallOptions } from './recall.js';
import { TopKCategoricalAccuracy, type TopKOptions } from './top-k-categorical-accuracy.js';

type Options = Record<string, unknown>;

/** The registry: class name → the option keys it takes and how to build it from them. */
const CLASSES: Record<string, { keys: readonly string[]; build: (options: Options) => Metric }> = {
  Accuracy: {
    keys: ['name', 'kind', 'threshold'],
    build: (o) => new Accuracy(o as { name?: string; kind?: AccuracyKind; threshold?: number }),
  },
  Precision: { keys: ['name', 'thresholds', 'classId'], build: (o) => new Precision(o as PrecisionOptions) },
  Recall: { keys: ['name', 'thresholds', 'classId'], build: (o) => new Recall(o as RecallOptions) },
  TruePositives: { keys: ['name', 'thresholds', 'classId'], build: (o) => new ConfusionCount('tp', o as ConfusionCountOptions) },
  FalsePositives: { keys: ['name', 'thresholds', 'classId'], build: (o) => new ConfusionCount('fp', o as ConfusionCountOptions) },
  TrueNegatives: { keys: ['name', 'thresholds', 'classId'], build: (o) => new ConfusionCount('tn', o as ConfusionCountOptions) },
  FalseNegatives: { keys: ['name', 'thresholds', 'classId'], build: (o) => new ConfusionCount('fn', o as ConfusionCountOptions) },
  F1Score: { keys: ['name', 'threshold', 'average'], build: (o) => new FBetaScore(o as FBetaScoreOptions, 'F1Score') },
  FBetaScore: { keys: ['name', 'beta', 'threshold', 'average'], build: (o) => new FBetaScore(o as FBetaScoreOptions, 'FBetaScore') },
  AUC: {
    keys: ['name', 'numThresholds', 'curve', 'summationMethod', 'thresholds', 'fromLogits', 'exact', 'classId'],
    build: (o) => new AUC(o as AucOptions),
  },
  TopKCategoricalAccuracy: { keys: ['name', 'k'], build: (o) => new TopKCategoricalAccuracy(o as TopKOptions, false) },
  SparseTopKCategoricalAccuracy: { keys: ['name', 'k'], build: (o) => new TopKCategoricalAccuracy(o as TopKOptions, true) },
  BinaryCrossentropy: {
    keys: ['name', 'fromLogits', 'labelSmoothing'],
    build: (o) => new MeanLossMetric('binary_crossentropy', o as LossMetricOptions),
  },
  CategoricalCrossentropy: {
    keys: ['name', 'fromLogits', 'labelSmoothing'],
    build: (o) => new MeanLossMetric('categorical_crossentropy', o as LossMetricOptions),
  },
  SparseCategoricalCrossentropy: {
    keys: ['name', 'fromLogits', 'labelSmoothing'],
    build: (o) => new MeanLossMetric('sparse_categorical_crossentropy', o as LossMetricOptions),
  },
  MeanSquaredError: { keys: ['name'], build: (o) => new MeanLossMetric('mean_squared_error', o as LossMetricOptions) },
};

/** Identifier (Keras snake_case name) → class and the options that name implies. */
const NAMES: Record<string, [className: string, options: Options]> = {
  accuracy: ['Accuracy', {}],
  acc: ['Accuracy', {}],
  binary_accuracy: ['Accuracy', { kind: 'binary' }],
  categorical_accuracy: ['Accuracy', { kind: 'categorical' }],
  sparse_categorical_accuracy: ['Accuracy', { kind: 'sparse_categorical' }],
  top_k_categorical_accuracy: ['TopKCategoricalAccuracy', {}],
  sparse_top_k_categorical_accuracy: ['SparseTopKCategoricalAccuracy', {}],
  precision: ['Precision', {}],
  recall: ['Recall', {}],
  f1_score: ['F1Score', {}],
  fbeta_score: ['FBetaScore', {}],
  auc: ['AUC', {}],
  true_positives: ['TruePositives', {}],
  false_positives: ['FalsePositives', {}],
  true_negatives: ['TrueNegatives', {}],
  false_negatives: ['FalseNegatives', {}],
  binary_crossentropy: ['BinaryCrossentropy', {}],
  categorical_crossentropy: ['CategoricalCrossentropy', {}],
  sparse_categorical_crossentropy: ['SparseCategoricalCrossentropy', {}],
  mean_squared_error: ['MeanSquaredError', {}],
  mse: ['MeanSquaredError', {}],
};

/** 'binary_accuracy', 'binaryAccuracy' and 'BinaryAccuracy' all become 'binaryaccuracy'. */
function normalize(identifier: string): string {
  return identifier.replace(/_/g, '').toLowerCase();
}

const LOOKUP = new Map<string, [string, Options]>();
for (const [name, entry] of Object.entries(NAMES)) LOOKUP.set(normalize(name), entry);
for (const className of Object.keys(CLASSES)) if (!LOOKUP.has(normalize(className))) LOOKUP.set(normalize(className), [className, {}]);

/** The metric names getMetric accepts (each also in camelCase and as its class name). */
export const METRIC_NAMES: readonly string[] = Object.keys(NAMES);

/** Keras configs use snake_case keys (class_id, num_thresholds); nnkit's are camelCase. */
function camelKeys(config: Readonly<Record<string, unknown>>): Options {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
}

/** Rebuilds a metric from its getConfig() form, so compiled metrics survive saving a model. */
export function metricFromConfig(config: MetricConfig): Metric {
  if (config === null || typeof config !== 'object' || typeof config.className !== 'string') {
    throw new ConfigError('config/metric-config', `metricFromConfig expects { className, config } but got ${show(config)}.`);
  }
  // NOTE: own keys only, so 'toString' or 'constructor' from a loaded file is an unknown class.
  const entry = Object.hasOwn(CLASSES, config.className) ? CLASSES[config.className] : undefined;
  if (!entry) {
    throw new ConfigError(
      'config/unknown-metric-class',
      `Unknown metric class ${show(config.className)}; known classes: ${Object.keys(CLASSES).join(', ')}.`,
    );
  }
  const options = camelKeys(config.config ?? {});
  const unknown = Object.keys(options).filter((key) => !entry.keys.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError(
      'config/unknown-metric-option',
      `${config.className} does not take ${unknown.join(', ')}; it takes ${entry.keys.join(', ')}.`,
    );
  }
  return entry.build(options);
}

/**
 * A metric from a name ('accuracy', 'acc', 'binary_accuracy' / 'binaryAccuracy', 'auc' / 'AUC',
 * 'precision', 'f1_score', ...), a config, or a metric object (returned as is). Each call
 * with a name or config builds a fresh metric with its own state.
 */
export function getMetric(identifier: string | Metric | MetricConfig): Metric {
  if (typeof identifier === 'string') {
    const entry = LOOKUP.get(normalize(identifier));
    if (!entry) {
      throw new ConfigError(
        'config/unknown-metric',
        `Unknown metric ${show(identifier)}. Known metrics: ${METRIC_NAMES.join(', ')} ` +
          "(snake_case or camelCase), or pass a metric object such as nn.metrics.precision({ thresholds: 0.3 }).",
      );
    }
    return CLASSES[entry[0]].build({ ...entry[1] });
  }
  if (identifier !== null && typeof identifier === 'object') {
    if (typeof (identifier as Metric).update === 'function' && typeof (identifier as Metric).result === 'function') {
      return identifier as Metric;
    }
    if (typeof (identifier as MetricConfig).className === 'string') return metricFromConfig(identifier as MetricConfig);
  }
  throw new ConfigError(
    'config/metric-identifier',
    `A metric must be a name such as 'accuracy', a metric object or a { className, config } but got ${show(identifier)}.`,
  );
}
