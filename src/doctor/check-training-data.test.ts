import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as nn from '../index.js';
import { loadDataset, prepareSplit } from '../../test/learning/datasets.js';

/** Breast cancer as nested arrays, rows in the file's order, raw (unscaled) features. */
function breastCancerRows(): { x: number[][]; y: number[] } {
  const data = loadDataset('breast_cancer');
  const x = Array.from({ length: data.rows }, (_, i) => Array.from(data.x.subarray(i * data.cols, (i + 1) * data.cols)));
  return { x, y: Array.from(data.labels) };
}

/** (x - mean) / std per column over the given rows. */
function standardized(x: number[][]): number[][] {
  const cols = x[0].length;
  const mean = Array.from({ length: cols }, (_, j) => x.reduce((s, r) => s + r[j], 0) / x.length);
  const std = mean.map((m, j) => Math.sqrt(x.reduce((s, r) => s + (r[j] - m) ** 2, 0) / x.length) || 1);
  return x.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
}

function binaryModel(features: number, metrics: string[] = ['accuracy', 'auc'], first?: nn.Layer): nn.Model {
  const model = nn.sequential([
    ...(first ? [first] : []),
    nn.layers.dense({ units: 8, activation: 'relu', ...(first ? {} : { inputShape: [features] }) }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics });
  return model;
}

const codes = (history: nn.History) => history.diagnostics.map((d) => d.code);

test('raw breast-cancer features (area in the thousands, fractal dimension near 0.06) warn to standardize', async () => {
  const { x, y } = breastCancerRows();
  const history = await binaryModel(30).fit(x, y, { epochs: 1, verbose: 0 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'unscaled-features');
  assert.ok(warning);
  assert.match(warning.message, /column 23 spans 185 to 4250/, 'names the widest column (worst_area)');
  assert.match(warning.fix, /StandardScaler/);
});

test('feature names from model.featureNames appear in the messages', async () => {
  const { x, y } = breastCancerRows();
  const model = binaryModel(30);
  const header = readFileSync(new URL('../../data/breast_cancer.csv', import.meta.url), 'utf8').split('\n')[0];
  model.featureNames = header.split(',').slice(0, 30);
  const history = await model.fit(x, y, { epochs: 1, verbose: 0 });
  assert.match(history.diagnostics.find((d) => d.code === 'unscaled-features')!.message, /"worst_area" spans/);
});

test('standardized features, or a BatchNormalization first layer, raise no scale warning', async () => {
  const { x, y } = breastCancerRows();
  const scaled = await binaryModel(30).fit(standardized(x), y, { epochs: 1, verbose: 0 });
  assert.ok(!codes(scaled).includes('unscaled-features'));
  const normalizing = binaryModel(30, ['accuracy', 'auc'], nn.layers.batchNormalization({ inputShape: [30] }));
  assert.ok(!codes(await normalizing.fit(x, y, { epochs: 1, verbose: 0 })).includes('unscaled-features'));
});

test('one class in the training labels warns that there is nothing to tell apart', async () => {
  const { x, y } = breastCancerRows();
  const malignant = standardized(x).filter((_, i) => y[i] === 1);
  const history = await binaryModel(30).fit(malignant, malignant.map(() => 1), { epochs: 1, verbose: 0 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'single-class-labels');
  assert.match(warning.message, /Every training label is class 1/);
  assert.match(warning.fix, /rows of every class/);
});

test('a 9:1 imbalance judged by accuracy alone shows the majority baseline and suggests metrics and classWeight', async () => {
  const { x, y } = breastCancerRows();
  const xs = standardized(x);
  // Keep every benign row and one malignant row in ten: about 94% benign.
  const keep = y.map((label, i) => label === 0 || i % 10 === 0);
  const rows = xs.filter((_, i) => keep[i]);
  const labels = y.filter((_, i) => keep[i]);
  const history = await binaryModel(30, ['accuracy']).fit(rows, labels, { epochs: 1, verbose: 0 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'accuracy-paradox');
  assert.ok(warning);
  assert.match(warning.message, /always predicts class 0 already scores 0\.9\d\d accuracy \(the majority baseline\)/);
  assert.match(warning.fix, /'precision', 'recall', 'auc'/);
  assert.match(warning.fix, /classWeight: \{ 0: 0\.5\d, 1: \d+\.\d\d \}/);
  const judged = await binaryModel(30, ['accuracy', 'recall']).fit(rows, labels, { epochs: 1, verbose: 0 });
  assert.ok(!codes(judged).includes('accuracy-paradox'));
});

test('validationSplit on rows sorted by label warns that the last rows are one class', async () => {
  const { x, y } = breastCancerRows();
  const xs = standardized(x);
  const order = y.map((_, i) => i).sort((a, b) => y[a] - y[b]);
  const history = await binaryModel(30).fit(order.map((i) => xs[i]), order.map((i) => y[i]), { epochs: 1, verbose: 0, validationSplit: 0.2 });
  const [warning] = history.diagnostics.filter((d) => d.code === 'validation-split-sorted');
  assert.ok(warning);
  assert.match(warning.message, /last 114 rows, and they are all class 1/);
  assert.match(warning.fix, /Shuffle the rows before fit.*stratify: true/);
});

test('validationSplit on the file order of breast cancer (not sorted) raises no split warning', async () => {
  const { x, y } = breastCancerRows();
  const history = await binaryModel(30).fit(standardized(x), y, { epochs: 1, verbose: 0, validationSplit: 0.2 });
  assert.ok(!codes(history).includes('validation-split-sorted'));
});

test('validation rows copied from the training rows are counted as leakage', async () => {
  const data = prepareSplit('breast_cancer', 1);
  const leaked = nn.tensor(data.xTrain.data.slice(0, 40 * 30), [40, 30]);
  const history = await binaryModel(30).fit(data.xTrain, data.yTrain, {
    epochs: 1, verbose: 0, validationData: [leaked, data.yTrain.slice(0, 40)],
  });
  const [warning] = history.diagnostics.filter((d) => d.code === 'data-leakage');
  assert.match(warning.message, /40 of the 40 validation rows \(100\.0%\)/);
  assert.match(warning.fix, /disjoint parts/);
});

test('evaluate counts test rows that also appear in training, but not the training set itself', async () => {
  const data = prepareSplit('breast_cancer', 1);
  const model = binaryModel(30);
  await model.fit(data.xTrain, data.yTrain, { epochs: 1, verbose: 0 });
  model.evaluate(data.xTest, data.yTest, { verbose: 0 });
  assert.ok(!model.diagnostics.some((d) => d.code === 'data-leakage'), 'a clean test split');
  model.evaluate(data.xTrain, data.yTrain, { verbose: 0 });
  assert.ok(!model.diagnostics.some((d) => d.code === 'data-leakage'), 'the training set on purpose');
  const mixed = new Float32Array([...data.xTest.data, ...data.xTrain.data.subarray(0, 20 * 30)]);
  model.evaluate(nn.tensor(mixed, [data.xTest.rows + 20, 30]), [...data.yTest, ...data.yTrain.subarray(0, 20)], { verbose: 0 });
  const [warning] = model.diagnostics.filter((d) => d.code === 'data-leakage');
  assert.equal(warning.stage, 'evaluate');
  assert.match(warning.message, new RegExp(`20 of the ${data.xTest.rows + 20} evaluated rows`));
});
