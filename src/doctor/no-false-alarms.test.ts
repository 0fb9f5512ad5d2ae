// The correct setups raise nothing: breast cancer (binary) and digits (10 classes), parsed from
// data/*.csv, split stratified and standardized with the training rows' statistics, trained
// with the loss and output that fit them, validated, evaluated and used for prediction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { prepareSplit } from '../../test/learning/datasets.js';

function assertNoFindings(model: nn.Model, history: nn.History): void {
  const found = [...history.diagnostics, ...model.diagnostics].map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(found, []);
}

test('breast cancer with a sigmoid output and binary cross-entropy raises no diagnostic', async () => {
  for (const metrics of [['accuracy'], ['accuracy', 'precision', 'recall', 'auc']]) {
    nn.setSeed(42);
    const data = prepareSplit('breast_cancer', 42);
    const model = nn.sequential([
      nn.layers.dense({ units: 16, activation: 'relu', inputShape: [30] }),
      nn.layers.dropout({ rate: 0.1 }),
      nn.layers.dense({ units: 1, activation: 'sigmoid' }),
    ]);
    model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics });
    const history = await model.fit(data.xTrain, data.yTrain, { epochs: 20, validationSplit: 0.2, verbose: 0 });
    const scores = model.evaluate(data.xTest, data.yTest, { verbose: 0 });
    assert.ok(scores.accuracy > 0.9, `the setup learns (test accuracy ${scores.accuracy})`);
    model.predictClasses(data.xTest, { verbose: 0 });
    assertNoFindings(model, history);
  }
});

test('breast cancer with a linear output and fromLogits raises no diagnostic', async () => {
  nn.setSeed(7);
  const data = prepareSplit('breast_cancer', 7);
  const model = nn.sequential([nn.layers.dense({ units: 8, activation: 'relu', inputShape: [30] }), nn.layers.dense({ units: 1 })]);
  model.compile({ optimizer: 'rmsprop', loss: nn.losses.binaryCrossentropy({ fromLogits: true }), metrics: ['accuracy', 'auc'] });
  const history = await model.fit(data.xTrain, data.yTrain, { epochs: 10, validationData: [data.xTest, data.yTest], verbose: 0 });
  model.predictProbabilities(data.xTest, { verbose: 0 });
  assertNoFindings(model, history);
});

test('digits with a softmax output and sparse categorical cross-entropy raises no diagnostic', async () => {
  nn.setSeed(42);
  const data = prepareSplit('digits', 42);
  const model = nn.sequential([
    nn.layers.dense({ units: 32, activation: 'relu', inputShape: [64] }),
    nn.layers.dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy', 'sparse_top_k_categorical_accuracy'] });
  const history = await model.fit(data.xTrain, data.yTrain, { epochs: 8, validationSplit: 0.2, verbose: 0 });
  const scores = model.evaluate(data.xTest, data.yTest, { verbose: 0 });
  assert.ok(scores.accuracy > 0.9, `the setup learns (test accuracy ${scores.accuracy})`);
  model.predictClasses(data.xTest, { verbose: 0 });
  assertNoFindings(model, history);
});

test('digits with one-hot labels and categorical cross-entropy raises no diagnostic', async () => {
  nn.setSeed(3);
  const data = prepareSplit('digits', 3);
  const model = nn.sequential([
    nn.layers.dense({ units: 32, activation: 'relu', inputShape: [64] }),
    nn.layers.dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy', 'categorical_accuracy', 'top_k_categorical_accuracy'] });
  const yTrain = nn.toCategorical(data.yTrain, 10);
  const yTest = nn.toCategorical(data.yTest, 10);
  const history = await model.fit(data.xTrain, yTrain, { epochs: 5, validationData: [data.xTest, yTest], verbose: 0 });
  model.evaluate(data.xTest, yTest, { verbose: 0 });
  assertNoFindings(model, history);
});
