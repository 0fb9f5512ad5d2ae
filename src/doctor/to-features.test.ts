import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { DiagnosticError } from './diagnostic.js';

function model(): nn.Model {
  const m = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [3] })]);
  m.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
  return m;
}

async function rejection(promise: Promise<unknown>): Promise<DiagnosticError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof DiagnosticError, `expected a DiagnosticError but got ${String(error)}`);
  return error;
}

test('NaN from a missing value is an error giving every affected column, the first rows, and imputation as the fix', async () => {
  const x = [[1, 2, 3], [4, NaN, 6], [7, NaN, Infinity], [1, 1, 1]];
  const error = await rejection(model().fit(x, [0, 1, 1, 0], { verbose: 0 }));
  assert.equal(error.code, 'nonfinite-features');
  assert.equal(error.kind, 'data');
  assert.match(error.message, /3 NaN or infinite value\(s\): row 1, column 1: NaN; row 2, column 1: NaN; row 2, column 2: Infinity/);
  assert.match(error.message, /Columns affected: 1 \(2\), 2 \(1\)/);
  assert.match(error.diagnostic.fix, /Impute missing values/);
  assert.deepEqual(error.location, { row: 1, column: '1' });
});

test('null or text in the features (a CSV read as strings) is an error, not a silent 0 or NaN', async () => {
  const error = await rejection(model().fit([[1, 2, 3], [4, null as never, 6]], [0, 1], { verbose: 0 }));
  assert.equal(error.code, 'non-numeric-features');
  assert.match(error.message, /holds null at row 1, column 1/);
  assert.match(error.diagnostic.fix, /Parse the column to numbers/);
  assert.throws(() => model().predict([['1.5' as never, 2, 3]]), (e: unknown) => e instanceof DiagnosticError && e.code === 'non-numeric-features');
  const labels = await rejection(model().fit([[1, 2, 3]], ['1' as never], { verbose: 0 }));
  assert.equal(labels.code, 'non-numeric-features');
});

test('fitting on zero rows is an error, where the loss of an empty epoch would read 0', async () => {
  const error = await rejection(model().fit(nn.tensor(new Float32Array(0), [0, 3]), [], { verbose: 0 }));
  assert.equal(error.code, 'empty-data');
  assert.match(error.diagnostic.fix, /at least one row/);
  assert.equal(model().predict(nn.tensor(new Float32Array(0), [0, 3])).rows, 0, 'predicting on no rows is fine');
});

test('predict checks every chunk it copies: NaN past the first 4096 rows gets the full report', () => {
  const rows = 6000;
  const data = new Float32Array(rows * 3).fill(0.5);
  data[5000 * 3 + 2] = Number.NaN;
  data[5999 * 3] = -Infinity;
  const error = (() => {
    try {
      model().predict(nn.tensor(data, [rows, 3]));
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  assert.ok(error instanceof DiagnosticError, `expected a DiagnosticError but got ${String(error)}`);
  assert.equal(error.code, 'nonfinite-features');
  assert.equal(error.diagnostic.stage, 'predict');
  assert.match(error.message, /2 NaN or infinite value\(s\): row 5000, column 2: NaN; row 5999, column 0: -Infinity/);
});
