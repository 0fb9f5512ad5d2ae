import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { stratifiedKFold } from '../data/stratified-k-fold.js';
import { ConfigError } from '../errors.js';
import { crossValidate } from './cross-validate.js';

// 90 rows: x decides the label (with noise), city is a weak categorical, patient a group, day the time.
const lines = ['x,city,patient,day,label'];
for (let i = 0; i < 90; i++) {
  const x = ((i * 37) % 90) / 90;
  lines.push(`${x.toFixed(3)},${['a', 'b', 'c'][i % 3]},p${i % 9},${(i * 7) % 90},${x + ((i % 5) - 2) * 0.05 > 0.5 ? 'yes' : 'no'}`);
}
const table = parseCsv(lines.join('\n'), { target: 'label' });
const quick = { epochs: 8, patience: 3, hidden: [4], seed: 1 } as const;
const sorted = (rows: Int32Array) => [...rows].sort((a, b) => a - b);

test('stratified cross-validation tests every row once, in the unshuffled folds of scikit-learn', async () => {
  const cv = await crossValidate(table, { ...quick, folds: 3, shuffle: false, logistic: false });
  assert.equal(cv.method, 'stratified');
  const expected = stratifiedKFold(table.target!.labels, 3);
  cv.folds.forEach((fold, j) => {
    assert.deepEqual(sorted(fold.rows.test), [...expected[j].test]);
    assert.deepEqual(sorted(Int32Array.from([...fold.rows.train, ...fold.rows.validation])), [...expected[j].train]);
    assert.ok(fold.threshold !== undefined && fold.epochs >= 1);
  });
  assert.deepEqual(sorted(cv.outOfFold.rows), Array.from({ length: 90 }, (_, row) => row));
  assert.equal(cv.outOfFold.probabilities.length, 90);
  const accuracies = cv.folds.map((fold) => fold.metrics.accuracy as number);
  assert.ok(Math.abs(cv.summary.model.accuracy.mean - accuracies.reduce((a, b) => a + b) / 3) < 1e-12);
  assert.equal(cv.summary.majority.rocAuc.mean, 0.5);
  assert.equal(cv.summary.logistic, undefined);
  const oofCorrect = cv.outOfFold.predicted.filter((k, i) => k === cv.outOfFold.labels[i]).length;
  assert.ok(Math.abs(oofCorrect / 90 - cv.summary.model.accuracy.mean) < 1e-12, 'equal folds: OOF accuracy is the mean');
});

test('group folds keep a group on one side; the group column is not a feature; logistic baseline per fold', async () => {
  const cv = await crossValidate(table, { ...quick, folds: 3, group: 'patient' });
  const patient = table.features.columns.find((c) => c.name === 'patient')!;
  const code = (row: number) => (patient.kind === 'categorical' ? patient.codes[row] : -1);
  for (const fold of cv.folds) {
    const tested = new Set([...fold.rows.test].map(code));
    for (const row of [...fold.rows.train, ...fold.rows.validation]) assert.ok(!tested.has(code(row)));
    assert.equal(typeof fold.logistic?.rocAuc, 'number');
  }
  assert.equal(cv.method, 'group');
  assert.ok(cv.summary.logistic !== undefined);
});

test('time-ordered folds train and validate on earlier rows only', async () => {
  const cv = await crossValidate(table, { ...quick, folds: 2, time: 'day', logistic: false });
  const day = table.features.columns.find((c) => c.name === 'day')!;
  const at = (row: number) => (day.kind === 'numeric' ? day.values[row] : NaN);
  for (const fold of cv.folds) {
    const first = Math.min(...[...fold.rows.test].map(at));
    const lastTrain = Math.max(...[...fold.rows.train].map(at));
    const lastValidation = Math.max(...[...fold.rows.validation].map(at));
    assert.ok(lastTrain < Math.min(...[...fold.rows.validation].map(at)) && lastValidation < first);
  }
  assert.equal(cv.outOfFold.rows.length, 60, 'the first third is never tested');
  await assert.rejects(crossValidate(table, { group: 'patient', time: true }), (e: unknown) => e instanceof ConfigError && /group or time, not both/.test(e.message));
  await assert.rejects(crossValidate(table, { group: 'nope' }), /no column named "nope"/);
});
