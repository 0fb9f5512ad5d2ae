import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { loadParts, saveParts } from '../../test/helpers/saved-model.js';
import { loadDataset, prepareSplit } from '../../test/learning/datasets.js';
import { driftDiagnostic } from './check-drift.js';
import { checkFeatureNames } from './feature-names.js';
import { DiagnosticError } from './diagnostic.js';

async function trainedOnStandardized() {
  nn.setSeed(4);
  const data = prepareSplit('breast_cancer', 4);
  const model = nn.sequential([nn.layers.dense({ units: 8, activation: 'relu', inputShape: [30] }), nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy', 'auc'] });
  await model.fit(data.xTrain, data.yTrain, { epochs: 3, verbose: 0 });
  return { model, data };
}

/** The raw (unstandardized) rows of breast cancer: what a caller passes when they forget the scaler. */
function rawRows(count: number): number[][] {
  const raw = loadDataset('breast_cancer');
  return Array.from({ length: count }, (_, i) => Array.from(raw.x.subarray(i * raw.cols, (i + 1) * raw.cols)));
}

test('predicting on raw features with a model trained on standardized ones warns of drift, naming the columns', async () => {
  const { model } = await trainedOnStandardized();
  model.predict(rawRows(50), { verbose: 0 });
  const [warning] = model.diagnostics.filter((d) => d.code === 'feature-drift');
  assert.ok(warning);
  assert.equal(warning.stage, 'predict');
  assert.match(warning.message, /column 3: 50 of 50 rows/, 'mean_area is far off in every row');
  assert.match(warning.fix, /same preprocessing as in training/);
});

test('predict counts drifting rows over all its internal chunks', async () => {
  const { model } = await trainedOnStandardized();
  // NOTE: predict scans its input in chunks of 4096 rows; rows 4000-4299 straddle the first
  // boundary, and the drift check must count them all.
  const rows = Array.from({ length: 5000 }, (_, i) => {
    const row = new Array<number>(30).fill(0);
    if (i >= 4000 && i < 4300) row[3] = 1e4;
    return row;
  });
  model.predict(rows, { verbose: 0 });
  const warning = model.diagnostics.find((d) => d.code === 'feature-drift');
  assert.match(warning?.message ?? '', /column 3: 300 of 5000 rows, values 0 to 10000/);
});

test('the held-out rows, standardized with the training statistics, raise no drift warning', async () => {
  const { model, data } = await trainedOnStandardized();
  model.predict(data.xTest, { verbose: 0 });
  model.evaluate(data.xTest, data.yTest, { verbose: 0 });
  assert.deepEqual(model.diagnostics.filter((d) => d.stage === 'predict' || d.stage === 'evaluate'), []);
});

test('the training ranges are saved in model.json, so a loaded model still warns of drift', async () => {
  const { model } = await trainedOnStandardized();
  const saved = saveParts(model);
  const stats = saved.json.doctor.featureStats as { rows: number; min: number[] };
  assert.equal(stats.rows, model.doctor.featureStats!.rows);
  assert.equal(stats.min.length, 30);
  const loaded = await nn.loadModel(model.toBytes());
  assert.deepEqual(loaded.doctor.featureStats, model.doctor.featureStats);
  loaded.predict(rawRows(5), { verbose: 0 });
  assert.ok(loaded.diagnostics.some((d) => d.code === 'feature-drift'));
});

test('a tampered featureStats in model.json is refused at load', async () => {
  const { model } = await trainedOnStandardized();
  const saved = saveParts(model);
  saved.json.doctor.featureStats.min = [1, 2];
  assert.throws(() => loadParts(saved.json, saved.blobs), (e: unknown) => e instanceof nn.FormatError && /doctor\.featureStats: .*featureStats\.min/.test(e.message));
});

test('outputs that overflow to NaN are an error naming the rows, not a silent NaN', () => {
  const model = nn.sequential([nn.layers.dense({ units: 3, activation: 'softmax', inputShape: [2], kernelInitializer: 'ones' })]);
  model.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy' });
  assert.throws(() => model.predict([[0.5, 1], [3e38, 3e38]], { verbose: 0 }), (e: unknown) => {
    assert.ok(e instanceof DiagnosticError);
    assert.equal(e.code, 'nonfinite-predictions');
    assert.match(e.message, /for 1 of 2 rows \(e\.g\. rows 1\)/);
    assert.match(e.diagnostic.fix, /Scale the inputs as in training/);
    return true;
  });
});

test('input with the label column still attached is an error with the fix', async () => {
  const { model } = await trainedOnStandardized();
  const withLabel = rawRows(3).map((row) => [...row, 1]);
  assert.throws(() => model.predict(withLabel, { verbose: 0 }), (e: unknown) =>
    e instanceof DiagnosticError && e.code === 'feature-count-mismatch' && /expects 30 input features but got 31/.test(e.message) &&
    /drop the label column/.test(e.diagnostic.fix));
});

test('columns in another order (by name) are an error that lists the moved columns', async () => {
  const { model } = await trainedOnStandardized();
  model.featureNames = Array.from({ length: 30 }, (_, j) => `f${j}`);
  const swapped = [...model.featureNames];
  [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
  assert.throws(() => checkFeatureNames(model, swapped), (e: unknown) =>
    e instanceof DiagnosticError && e.code === 'feature-columns-mismatch' && /"f1" is column 0, was 1/.test(e.message) &&
    /training order/.test(e.diagnostic.fix));
  assert.throws(() => checkFeatureNames(model, swapped.slice(1)), (e: unknown) => e instanceof DiagnosticError && /missing "f1"/.test(e.message));
  checkFeatureNames(model, model.featureNames);
});

test('drift counts the values beyond the float64 bounds exactly, on every backend', () => {
  // NOTE: min 0.1 and max 0.9 put the bounds (min − range/2, max + range/2) between float32
  // values; the rows hold both float32 neighbours of each bound, so rounding a bound the wrong
  // way moves one of them across it.
  const stats = { rows: 10, min: [0.1], max: [0.9], mean: [0.5], std: [0.2] };
  const range = 0.9 - 0.1;
  const bounds = [0.1 - 0.5 * range, 0.9 + 0.5 * range];
  const neighbours = bounds.flatMap((bound) => {
    const f = Math.fround(bound);
    const other = new Float32Array([f]);
    new Int32Array(other.buffer)[0] += (f < bound) === (f > 0) ? 1 : -1;
    return [f, other[0]];
  });
  const rows = [...neighbours, 0.5].map((v) => [v]);
  const beyond = neighbours.filter((v) => v < bounds[0] || v > bounds[1]);
  assert.equal(beyond.length, 2, 'one neighbour of each bound lies beyond it');
  for (const backend of ['js', 'wasm', 'reference'] as const) {
    nn.setBackend(backend);
    const drift = driftDiagnostic(stats, nn.tensor(rows), 'predict');
    const columns = drift?.details?.columns;
    const [min, max] = [Math.min(...neighbours), Math.max(...neighbours)];
    const expected = { column: 0, count: 2, min, max, trainMin: 0.1, trainMax: 0.9 };
    assert.deepEqual(columns, [expected], backend);
  }
  nn.setBackend('auto');
});
