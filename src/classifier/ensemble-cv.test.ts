import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { crossValidate, type CrossValidation } from './cross-validate.js';

// crossValidate with calibrate and ensemble: the fold's test rows reach none of what is fitted
// (preprocessing, members, early stopping, calibration, threshold). Time-ordered folds, whose
// assignment does not read the labels, so the last fold's test rows can be changed in place.
const [header, ...rows] = readFileSync('test/fixtures/cli/customers.csv', 'utf8').trim().split('\n');
const options = { folds: 3, time: true, logistic: false, epochs: 12, hidden: [8], seed: 3, ensemble: 2, calibrate: 'sigmoid' } as const;
const run = (lines: readonly string[]) => crossValidate(parseCsv([header, ...lines].join('\n'), { target: 'churned' }), options);
const lastFold = (cv: CrossValidation) => {
  const j = cv.folds.length - 1;
  const at = cv.outOfFold.fold.findIndex((fold) => fold === j);
  const n = cv.folds[j].rows.test.length;
  return { fold: cv.folds[j], probabilities: cv.outOfFold.probabilities.slice(at, at + n) };
};

test('cv with calibrate and ensemble: the last fold is unchanged when its test rows change', async () => {
  const original = await run(rows);
  const { fold } = lastFold(original);
  const tested = new Set(fold.rows.test);
  assert.equal(Math.min(...tested), rows.length - tested.size, 'time-ordered: the last rows are the last fold\'s test rows');
  // the test rows' labels reversed among themselves (class counts unchanged) ...
  const labels = rows.filter((_, row) => tested.has(row)).map((line) => line.split(',')[3]).reverse();
  const relabelled = rows.map((line, row) => {
    if (!tested.has(row)) return line;
    const cells = line.split(',');
    cells[3] = labels[row - (rows.length - tested.size)];
    return cells.join(',');
  });
  assert.notDeepEqual(relabelled, rows);
  const a = lastFold(await run(relabelled));
  assert.equal(a.fold.threshold, fold.threshold, 'the threshold (on calibrated out-of-fold rows of the fold) is the same');
  assert.equal(a.fold.epochs, fold.epochs);
  assert.deepEqual(a.probabilities, lastFold(original).probabilities, 'the same members and calibration predict the test rows');
  assert.notDeepEqual(a.fold.metrics, fold.metrics, 'the test labels did change the scores');
  // ... and their numbers made extreme: the preprocessing was fitted without them
  const extreme = rows.map((line, row) => (tested.has(row) ? line.split(',').map((cell, c) => (c <= 1 ? '100000' : cell)).join(',') : line));
  const b = lastFold(await run(extreme));
  assert.equal(b.fold.threshold, fold.threshold);
  assert.notDeepEqual(b.probabilities, lastFold(original).probabilities);
});

test('cv with calibrate applies the calibration to the out-of-fold probabilities', async () => {
  const { calibrate: _, ...uncalibrated } = options;
  const table = parseCsv([header, ...rows].join('\n'), { target: 'churned' });
  const [plain, calibrated] = [await crossValidate(table, uncalibrated), await run(rows)];
  assert.deepEqual(calibrated.outOfFold.rows, plain.outOfFold.rows);
  assert.notDeepEqual(calibrated.outOfFold.probabilities, plain.outOfFold.probabilities);
  // NOTE: Platt's map is increasing (a < 0 on these folds), so each fold's ranking is kept.
  const rankOf = (p: Float64Array, from: number, to: number) => Array.from(p.slice(from, to)).map((v, i) => [v, i]).sort((x, y) => x[0] - y[0]).map(([, i]) => i);
  const first = plain.folds[0].rows.test.length;
  assert.deepEqual(rankOf(calibrated.outOfFold.probabilities, 0, first), rankOf(plain.outOfFold.probabilities, 0, first));
});
