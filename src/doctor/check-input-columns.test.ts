import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { Random } from '../random/random.js';
import { inputColumnDiagnostics } from './check-input-columns.js';
import type { Diagnostic } from './diagnostic.js';
import { scanInputColumns, type InputColumn, type InputColumns } from './input-columns.js';

const random = new Random(11);

/** Binary labels, 30% positive, in random order. */
function labels(n: number): Int32Array {
  return Int32Array.from({ length: n }, () => (random.uniform() < 0.3 ? 1 : 0));
}

/** A measurement that predicts the label well but not perfectly (ROC AUC about 0.9). */
function strong(y: Int32Array): Float32Array {
  return Float32Array.from(y, (label) => label * 1.8 + random.normal());
}

function check(columns: readonly InputColumn[], y: Int32Array, extra: Partial<InputColumns> = {}, classCount = 2): Diagnostic[] {
  const input: InputColumns = { rows: Int32Array.from(y.keys()), columns, ...extra };
  return inputColumnDiagnostics(scanInputColumns(input, y, classCount), input, classCount);
}

test("'target-leakage' names a column that equals the label, and leaves a strong honest one alone", () => {
  const y = labels(400);
  const found = check([
    { name: 'tenure', kind: 'numeric', values: strong(y) },
    { name: 'churn_flag', kind: 'numeric', values: Float32Array.from(y) },
  ], y, { classNames: ['no', 'yes'], ignoreAdvice: (column) => `--ignore ${column}` });
  assert.deepEqual(found.map((d) => d.code), ['target-leakage']);
  assert.match(found[0].message, /^Column "churn_flag" \(ROC AUC 1\.0000\) alone separates the classes of the training rows almost perfectly/);
  assert.match(found[0].fix, /leave it out \(--ignore churn_flag\) and retrain/);
  assert.deepEqual((found[0].details?.columns as { name: string }[]).map((c) => c.name), ['churn_flag']);
});

test("'target-leakage' sees a categorical copy of the label, a column missing for one class only, and a multi-class proxy", () => {
  const y = labels(300);
  const plan = Int32Array.from(y, (label) => (label === 1 ? 2 : random.int(2)));
  const cancelled = Float32Array.from(y, (label) => (label === 1 ? 10 + 20 * random.uniform() : Number.NaN));
  const found = check([
    { name: 'plan', kind: 'categorical', codes: plan, categories: 3 },
    { name: 'cancelled_on', kind: 'numeric', values: cancelled },
  ], y);
  assert.match(found[0].message, /^Columns "plan" \(ROC AUC 1\.0000\), "cancelled_on" \(ROC AUC 1\.0000\) alone each separate/);

  const k = Int32Array.from({ length: 300 }, (_, i) => i % 3);
  const proxy = Float32Array.from(k, (c) => 10 * c + random.uniform());
  const many = check([{ name: 'stage', kind: 'numeric', values: proxy }], k, {}, 3);
  assert.match(many[0].message, /"stage" \(ROC AUC 1\.0000, worst pair class 0 and class 1\).*\(every pair of classes\)/);
});

test('no target-leakage warning for a legitimately strong column or a tiny class', () => {
  const y = labels(500);
  assert.deepEqual(check([{ name: 'score', kind: 'numeric', values: strong(y) }], y), []);
  // Three positive rows: perfect separation happens by chance too often to mean anything.
  const few = Int32Array.from({ length: 60 }, (_, i) => (i < 3 ? 1 : 0));
  assert.deepEqual(check([{ name: 'x', kind: 'numeric', values: Float32Array.from(few) }], few), []);
});

test("'identifier-column' flags distinct whole numbers and unique strings, not pixel counts or measurements", () => {
  const y = labels(200);
  const ids = Float32Array.from({ length: 200 }, (_, i) => 1000 + 7 * i);
  random.shuffle(ids);
  const found = check([
    { name: 'customer_id', kind: 'numeric', values: ids },
    { name: 'email', kind: 'categorical', codes: Int32Array.from({ length: 200 }, (_, i) => i), categories: 200 },
    { name: 'pixel_3_4', kind: 'numeric', values: Float32Array.from({ length: 200 }, () => random.int(17)) },
    { name: 'income', kind: 'numeric', values: Float32Array.from({ length: 200 }, () => 30000 * random.uniform()) },
  ], y, { ignoreAdvice: (column) => `columnTypes: { "${column}": "ignore" }` });
  assert.deepEqual(found.map((d) => d.code), ['identifier-column']);
  assert.match(found[0].message, /Column "customer_id" looks like an identifier: its 200 values in the training rows are all different whole numbers\./);
  assert.match(found[0].message, /Column "email" looks like an identifier: all of its 200 values in the training rows are different\./);
  assert.match(found[0].fix, /columnTypes: \{ "customer_id": "ignore" \}; columnTypes: \{ "email": "ignore" \}/);
});

test('an id in a file sorted by label is one identifier finding that says it follows the label', () => {
  const y = Int32Array.from({ length: 100 }, (_, i) => (i < 40 ? 1 : 0));
  const found = check([{ name: 'id', kind: 'numeric', values: Float32Array.from(y.keys(), (i) => i + 1) }], y);
  assert.deepEqual(found.map((d) => d.code), ['identifier-column']);
  assert.match(found[0].message, /rise \(or fall\) with the row number\. Alone, "id" \(ROC AUC 1\.0000\) also separates the classes: the rows are probably ordered by label/);
});

test('on many rows the checks first scan a sample, and still find the leak and the id exactly', () => {
  const y = labels(40_000);
  const ids = Float32Array.from(y.keys(), (i) => 5 * i + 3);
  random.shuffle(ids);
  const nearLeak = Float32Array.from(y, (label) => label + 0.001 * random.normal());
  nearLeak[0] = y[0] === 1 ? -5 : 5; // one misordered row: AUC just below 1, still a leak
  const found = check([
    { name: 'score', kind: 'numeric', values: strong(y) },
    { name: 'pixel', kind: 'numeric', values: Float32Array.from(y, () => random.int(17)) },
    { name: 'ticket', kind: 'numeric', values: ids },
    { name: 'refund', kind: 'numeric', values: nearLeak },
  ], y);
  assert.deepEqual(found.map((d) => d.code), ['identifier-column', 'target-leakage']);
  assert.match(found[0].message, /^Column "ticket" looks like an identifier: its 40000 values/);
  const [leak] = (found[1].details!.columns as { name: string; separation: number }[]);
  assert.equal(leak.name, 'refund');
  assert.ok(leak.separation < 1 && leak.separation > 0.9999, `exact on every row: ${leak.separation}`);
});

test('fit runs the column checks on its input, by feature name, and on the columns a pipeline described', async () => {
  nn.setSeed(3);
  const y = labels(120);
  const x = Array.from(y, (label, i) => [random.normal(), label, i]);
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [3] })]);
  model.featureNames = ['noise', 'outcome', 'row'];
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy', 'auc'], silence: ['unscaled-features'] });
  const history = await model.fit(x, Array.from(y), { epochs: 1, verbose: 0 });
  const codes = history.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('identifier-column') && codes.includes('target-leakage'), codes.join(', '));
  assert.match(history.diagnostics.find((d) => d.code === 'target-leakage')!.message, /^Column "outcome"/);

  // The pipeline's description wins once: the raw column "plan" instead of the features.
  model.doctor.inputColumns = {
    rows: Int32Array.from(y.keys()),
    columns: [{ name: 'plan', kind: 'categorical', codes: Int32Array.from(y), categories: 2 }],
  };
  const described = await model.fit(x, Array.from(y), { epochs: 1, verbose: 0 });
  assert.deepEqual(described.diagnostics.filter((d) => d.code === 'target-leakage' || d.code === 'identifier-column').map((d) => d.message.slice(0, 13)), ['Column "plan"']);
  assert.equal(model.doctor.inputColumns, undefined, 'read once');
});
