import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../errors.js';
import { mlpClassifier } from './mlp-classifier.js';

test('mlpClassifier for two classes stacks relu + dropout layers and one sigmoid unit', () => {
  const { model, loss } = mlpClassifier({ features: 30, classes: 2 });
  assert.equal(loss, 'binary_crossentropy');
  assert.deepEqual(model.layers.map((layer) => layer.className), ['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
  assert.equal(model.outputUnits, 1);
  assert.equal(model.countParams(), 30 * 32 + 32 + 32 * 16 + 16 + 16 + 1);
});

test('mlpClassifier for several classes ends in a softmax over them with the sparse loss', () => {
  const { model, loss } = mlpClassifier({ features: 4, classes: 3, hidden: [8], dropout: 0 });
  assert.equal(loss, 'sparse_categorical_crossentropy');
  assert.deepEqual(model.layers.map((layer) => layer.className), ['Dense', 'Dense']);
  assert.equal(model.outputUnits, 3);
  const rows = model.predict([[1, 2, 3, 4]]);
  assert.ok(Math.abs(rows.data.reduce((a, b) => a + b, 0) - 1) < 1e-6);
});

test('mlpClassifier without hidden layers is a logistic regression', () => {
  const { model } = mlpClassifier({ features: 5, classes: 2, hidden: [] });
  assert.equal(model.countParams(), 6);
});

test('mlpClassifier refuses one class, no features and a dropout of 1', () => {
  assert.throws(() => mlpClassifier({ features: 3, classes: 1 }), ConfigError);
  assert.throws(() => mlpClassifier({ features: 0, classes: 2 }), ConfigError);
  assert.throws(() => mlpClassifier({ features: 3, classes: 2, dropout: 1 }), ConfigError);
});
