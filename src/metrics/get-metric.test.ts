import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { batchOf } from './batch-of.js';
import { getMetric, METRIC_NAMES, metricFromConfig } from './get-metric.js';
import type { Metric } from './metric.js';
import { metrics } from './metrics-namespace.js';

describe('getMetric', () => {
  it('accepts Keras snake_case, camelCase and class names alike', () => {
    const pairs: [string, string][] = [
      ['accuracy', 'accuracy'],
      ['acc', 'accuracy'],
      ['binary_accuracy', 'binary_accuracy'],
      ['binaryAccuracy', 'binary_accuracy'],
      ['BinaryAccuracy', 'binary_accuracy'],
      ['auc', 'auc'],
      ['AUC', 'auc'],
      ['precision', 'precision'],
      ['Recall', 'recall'],
      ['f1_score', 'f1_score'],
      ['F1Score', 'f1_score'],
      ['fBetaScore', 'fbeta_score'],
      ['sparse_top_k_categorical_accuracy', 'sparse_top_k_categorical_accuracy'],
      ['trueNegatives', 'true_negatives'],
      ['categorical_crossentropy', 'categorical_crossentropy'],
      ['mse', 'mean_squared_error'],
    ];
    for (const [identifier, name] of pairs) assert.equal(getMetric(identifier).name, name, identifier);
  });

  it('builds a fresh metric with its own state on every call', () => {
    const a = getMetric('precision');
    const b = getMetric('precision');
    a.update(batchOf([1], [0.9]));
    assert.equal(a.result(), 1);
    assert.equal(b.result(), 0);
  });

  it('names every known metric when the name is unknown', () => {
    assert.throws(
      () => getMetric('precison'),
      (error: unknown) => error instanceof ConfigError && METRIC_NAMES.every((name) => error.message.includes(name)),
    );
  });

  it('returns a metric object as is and builds one from a config', () => {
    const own = metrics.recall({ thresholds: 0.3 });
    assert.equal(getMetric(own), own);
    assert.equal(getMetric({ className: 'AUC', config: { curve: 'PR' } }).getConfig().config.curve, 'PR');
  });

  it("reads Keras' snake_case config keys and rejects options a class does not take", () => {
    const m = metricFromConfig({ className: 'Precision', config: { class_id: 2, thresholds: 0.4 } });
    assert.deepEqual(m.getConfig().config, { name: 'precision', thresholds: 0.4, classId: 2 });
    assert.throws(() => metricFromConfig({ className: 'Precision', config: { topK: 3 } }), ConfigError);
    assert.throws(() => metricFromConfig({ className: 'Nope', config: {} }), ConfigError);
  });
});

describe('metric configs', () => {
  const all: Metric[] = [
    metrics.accuracy(),
    metrics.binaryAccuracy({ threshold: 0.3 }),
    metrics.categoricalAccuracy(),
    metrics.sparseCategoricalAccuracy({ name: 'acc2' }),
    metrics.topKCategoricalAccuracy({ k: 3 }),
    metrics.sparseTopKCategoricalAccuracy(),
    metrics.precision({ thresholds: 0.7, classId: 1 }),
    metrics.recall(),
    metrics.f1Score({ average: 'weighted', threshold: 0.4 }),
    metrics.fBetaScore({ beta: 2, average: 'none' }),
    metrics.auc({ numThresholds: 50, curve: 'PR', summationMethod: 'majoring' }),
    metrics.auc({ thresholds: [0.2, 0.5], fromLogits: true }),
    metrics.auc({ exact: true }),
    metrics.truePositives(),
    metrics.falsePositives({ thresholds: 0.2 }),
    metrics.trueNegatives(),
    metrics.falseNegatives(),
    metrics.binaryCrossentropy({ labelSmoothing: 0.1 }),
    metrics.categoricalCrossentropy({ fromLogits: true }),
    metrics.sparseCategoricalCrossentropy(),
    metrics.meanSquaredError(),
  ];
  for (const metric of all) {
    it(`${metric.getConfig().className} '${metric.name}' round-trips through JSON`, () => {
      const config = JSON.parse(JSON.stringify(metric.getConfig()));
      const rebuilt = metricFromConfig(config);
      assert.deepEqual(rebuilt.getConfig(), metric.getConfig());
      assert.equal(rebuilt.name, metric.name);
      assert.equal(rebuilt.direction, metric.direction);
    });
  }
});
