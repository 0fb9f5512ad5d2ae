import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';

/** A separable-ish 2-feature problem where class 1 sits at larger x0. */
function data(rows: number, seed: number): { x: number[][]; y: number[] } {
  const random = new nn.Random(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const label = random.uniform() < 0.3 ? 1 : 0;
    x.push([label + random.normal() * 0.6, random.normal()]);
    y.push(label);
  }
  return { x, y };
}

async function trainedModel() {
  nn.setSeed(7);
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy', 'precision', 'recall'] });
  const train = data(400, 1);
  await model.fit(train.x, train.y, { epochs: 30, verbose: 0 });
  return model;
}

test('tuneThreshold stores the chosen threshold, which predictClasses and thresholded metrics then use', async () => {
  const model = await trainedModel();
  const val = data(300, 2);
  const choice = model.tuneThreshold(val.x, val.y, 'recall>=0.95');
  assert.equal(model.threshold, choice.threshold);
  assert.ok(choice.metrics.recall >= 0.95);
  const probabilities = model.predict(val.x).data;
  const classes = model.predictClasses(val.x);
  assert.deepEqual(Array.from(classes), Array.from(probabilities, (p) => (p > choice.threshold ? 1 : 0)));
  const scores = model.evaluate(val.x, val.y);
  assert.ok(Math.abs(scores.recall - choice.metrics.recall) < 1e-12, `evaluate recall ${scores.recall} vs ${choice.metrics.recall}`);
  assert.ok(Math.abs(scores.precision - choice.metrics.precision) < 1e-12);
});

test('the tuned threshold is saved with the model', async () => {
  const model = await trainedModel();
  const val = data(200, 3);
  model.tuneThreshold(val.x, val.y, 'youden');
  const loaded = await nn.loadModel(model.toBytes());
  assert.equal(loaded.threshold, model.threshold);
  assert.deepEqual(Array.from(loaded.predictClasses(val.x)), Array.from(model.predictClasses(val.x)));
});

test('binary evaluate reports the majority baseline and, with confidence, bootstrap intervals around each estimate', async () => {
  const model = await trainedModel();
  const test_ = data(300, 4);
  const scores = model.evaluate(test_.x, test_.y, { confidence: 0.9 });
  const negatives = test_.y.filter((v) => v === 0).length;
  assert.equal(scores.baseline_accuracy, Math.max(negatives, test_.y.length - negatives) / test_.y.length);
  for (const name of ['accuracy', 'precision', 'recall']) {
    assert.ok(scores[`${name}_low`] <= scores[name] && scores[name] <= scores[`${name}_high`], `${name} inside its interval`);
    assert.ok(scores[`${name}_high`] - scores[`${name}_low`] > 0, `${name} interval has width`);
  }
  assert.ok(scores.auc_low < scores.auc_high);
});

test('tuneThreshold refuses a multi-class model', () => {
  const model = nn.sequential([nn.layers.dense({ units: 3, activation: 'softmax', inputShape: [2] })]);
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy' });
  assert.throws(() => model.tuneThreshold([[0, 0]], [1], 'f1'), /one-unit/);
});
