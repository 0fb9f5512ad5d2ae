import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NnkitError } from '../errors.js';
import { StandardScaler } from './standard-scaler.js';
import { tableToTensor } from './table-to-tensor.js';

test('StandardScaler uses the population standard deviation, as scikit-learn does', () => {
  // sklearn: StandardScaler().fit([[1, 10], [2, 10], [3, 10]]) → mean [2, 10], scale [0.8165, 1]
  const scaler = new StandardScaler().fit([[1, 10], [2, 10], [3, 10]]);
  assert.deepEqual(Array.from(scaler.mean!), [2, 10]);
  assert.ok(Math.abs(scaler.scale![0] - Math.sqrt(2 / 3)) < 1e-12);
  assert.equal(scaler.scale![1], 1, 'a constant column is only centred');
  const out = scaler.transform([[4, 10]]);
  assert.ok(Math.abs(out.data[0] - 2 / Math.sqrt(2 / 3)) < 1e-6);
  assert.equal(out.data[1], 0);
});

test('StandardScaler transforms new rows with the training statistics only', () => {
  const scaler = new StandardScaler().fit([[0], [2]]);
  assert.deepEqual(Array.from(scaler.transform([[100]]).data), [99]);
});

test('StandardScaler refuses transform before fit and a different feature count', () => {
  assert.throws(() => new StandardScaler().transform([[1]]), /fit\(xTrain\) first/);
  assert.throws(() => new StandardScaler().fit([[1, 2]]).transform([[1]]), /fitted on 2 features but transform got 1/);
});

test('tableToTensor lays numeric columns out row-major and refuses categorical or missing data', () => {
  const t = tableToTensor({
    rows: 2,
    columns: [
      { name: 'a', kind: 'numeric', values: Float32Array.from([1, 2]), missing: 0 },
      { name: 'b', kind: 'boolean', values: Float32Array.from([0, 1]), missing: 0 },
    ],
  });
  assert.deepEqual(t.shape, [2, 2]);
  assert.deepEqual(Array.from(t.data), [1, 0, 2, 1]);
  assert.throws(
    () => tableToTensor({ rows: 1, columns: [{ name: 'c', kind: 'categorical', codes: Int32Array.from([0]), categories: ['x'], counts: [1], missing: 0 }] }),
    (e: unknown) => e instanceof NnkitError && /Preprocessor/.test((e as Error).message),
  );
  assert.throws(
    () => tableToTensor({ rows: 1, columns: [{ name: 'd', kind: 'numeric', values: Float32Array.from([NaN]), missing: 1 }] }),
    /1 missing values/,
  );
});
