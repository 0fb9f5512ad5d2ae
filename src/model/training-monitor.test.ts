import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';

const random = new nn.Random(7);
const uniform = (rows: number, cols: number, scale = 1) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random.uniform() * 2 - 1) * scale));

test('a loss that turns NaN stops training with the last good weights and says to lower the learning rate', async () => {
  nn.setSeed(1);
  // The classic mistake: raw features in the thousands and a large learning rate.
  const x = uniform(64, 3, 5000);
  const y = x.map((row) => row[0] / 1000);
  const model = nn.sequential([nn.layers.dense({ units: 8, activation: 'relu', inputShape: [3] }), nn.layers.dense({ units: 1 })]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 1 }), loss: 'mse', silence: ['unscaled-features'] });
  const before = model.getWeights();
  const history = await model.fit(x, y, { epochs: 20, batchSize: 8, verbose: 0 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'loss-not-finite');
  assert.ok(warning, `no loss-not-finite among ${history.diagnostics.map((d) => d.code)}`);
  assert.match(warning.fix, /Lower the learning rate/);
  assert.match(warning.fix, /weights from before training/);
  assert.ok(history.epoch.length < 20, 'training stopped early');
  assert.deepEqual(model.getWeights(), before, 'the weights from before training are back');
  assert.ok(model.predict(x, { verbose: 0 }).data.every(Number.isFinite));
  assert.ok(model.diagnostics.includes(warning), 'the warning is on the model too');
});

test('an exploding loss stops training with the weights of the lowest loss', async () => {
  nn.setSeed(1);
  // Full-batch gradient descent above the stable step size: the error grows by a factor each epoch.
  const x = uniform(64, 1);
  const y = x.map((row) => 2 * row[0]);
  const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [1] })]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 1.6 }), loss: 'mse' });
  const weightsAt: Float32Array[][] = [];
  const keep = { onEpochEnd: () => void weightsAt.push(model.getWeights()) };
  const history = await model.fit(x, y, { epochs: 30, batchSize: 64, verbose: 0, callbacks: [keep] });
  const [warning] = history.diagnostics.filter((d) => d.code === 'loss-exploding');
  assert.ok(warning);
  assert.match(warning.message, /over 10 times its best value/);
  const losses = history.history.loss;
  assert.ok(losses.length < 30, 'training stopped early');
  const best = losses.indexOf(Math.min(...losses));
  assert.ok(best < losses.length - 1);
  assert.match(warning.fix, new RegExp(`end of epoch ${best + 1}, its lowest training loss.*Lower the learning rate`));
  assert.deepEqual(model.getWeights(), weightsAt[best]);
});

test('a model stuck predicting the majority class is flagged with its accuracy at the baseline', async () => {
  nn.setSeed(2);
  // Features with no signal and 20% positives: the model learns the class balance only.
  const x = uniform(200, 3);
  const y = x.map(() => (random.uniform() < 0.2 ? 1 : 0));
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [3] })]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(x, y, { epochs: 20, verbose: 0 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'stuck-one-class');
  assert.ok(warning, `no stuck-one-class among ${history.diagnostics.map((d) => d.code)}`);
  assert.match(warning.message, /predicted class 0 for 100\.0% of the training rows/);
  assert.match(warning.message, /sits at the majority baseline/);
  assert.match(warning.fix, /classWeight/);
});

test('a model that never finds the 2% positives is flagged whatever metrics are compiled', async () => {
  nn.setSeed(4);
  // The case: no usable signal, 2% positives, precision / recall / AUC compiled; recall
  // ends at 0 while 98% of the predictions are right.
  const x = uniform(1000, 4);
  const y = x.map(() => (random.uniform() < 0.02 ? 1 : 0));
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [4] })]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy', 'precision', 'recall', 'auc'] });
  const history = await model.fit(x, y, { epochs: 10, verbose: 0 });
  assert.deepEqual(history.history.recall.slice(-2), [0, 0]);
  const [warning] = history.diagnostics.filter((d) => d.code === 'stuck-one-class');
  assert.ok(warning, `no stuck-one-class among ${history.diagnostics.map((d) => d.code)}`);
  assert.match(warning.message, /of the labels are class 0\. It found none of the \d+ rows of the other class \(recall 0\)\./);
  assert.match(warning.message, /on labels this imbalanced looks excellent/);
  assert.match(warning.fix, /^Pass classWeight/);
});

test('an imbalanced model that finds some rare rows is not stuck', async () => {
  nn.setSeed(5);
  const x = uniform(1000, 2);
  const y = x.map((row) => (row[0] > 0.96 ? 1 : 0));
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.1 }), loss: 'binary_crossentropy', metrics: ['recall'] });
  const history = await model.fit(x, y, { epochs: 30, classWeight: { 0: 1, 1: 25 }, verbose: 0 });
  assert.ok(history.history.recall.at(-1)! > 0.3, `recall ${history.history.recall.at(-1)}`);
  assert.deepEqual(history.diagnostics.filter((d) => d.code === 'stuck-one-class'), []);
});

function overfitData() {
  const make = (n: number) => uniform(n, 10);
  const label = (row: number[]) => (row[0] + 0.8 * (random.uniform() - 0.5) > 0 ? 1 : 0);
  const x = make(40);
  const vx = make(40);
  return { x, y: x.map(label), vx, vy: vx.map(label) };
}

function bigModel(): nn.Model {
  const model = nn.sequential([
    nn.layers.dense({ units: 64, activation: 'relu', inputShape: [10] }),
    nn.layers.dense({ units: 64, activation: 'relu' }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: 'binary_crossentropy', metrics: ['accuracy', 'auc'] });
  return model;
}

test('validation loss rising while training loss falls is flagged as overfitting with early stopping as the fix', async () => {
  nn.setSeed(3);
  const { x, y, vx, vy } = overfitData();
  const history = await bigModel().fit(x, y, { epochs: 30, verbose: 0, validationData: [vx, vy] });
  const found = history.diagnostics.filter((d) => d.code === 'overfitting');
  assert.equal(found.length, 1, 'reported once per fit');
  assert.match(found[0].message, /rose for 3 epochs in a row/);
  assert.match(found[0].fix, /earlyStopping\(\{ monitor: 'val_loss'/);
});

test('with an EarlyStopping callback the overfitting hint stays quiet', async () => {
  nn.setSeed(3);
  const { x, y, vx, vy } = overfitData();
  const stop = new nn.EarlyStopping({ monitor: 'val_loss', patience: 5, restoreBestWeights: true });
  const history = await bigModel().fit(x, y, { epochs: 30, verbose: 0, validationData: [vx, vy], callbacks: [stop] });
  assert.equal(history.diagnostics.filter((d) => d.code === 'overfitting').length, 0);
});
