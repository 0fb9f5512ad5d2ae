import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError, ConfigError, ShapeError } from '../errors.js';
import { tensor } from '../tensor/tensor.js';
import { toCategorical } from './to-categorical.js';

test('toCategorical one-hot encodes integer labels with one column per class', () => {
  const t = toCategorical([0, 2, 1, 2]);
  assert.deepEqual(t.shape, [4, 3]);
  assert.deepEqual(t.toArray(), [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]]);
});

test('toCategorical honours numClasses larger than the largest label', () => {
  assert.deepEqual(toCategorical(new Int32Array([1]), 4).toArray(), [[0, 1, 0, 0]]);
});

test('toCategorical accepts one-column rows and (n, 1) tensors', () => {
  assert.deepEqual(toCategorical([[1], [0]]).toArray(), [[0, 1], [1, 0]]);
  assert.deepEqual(toCategorical(tensor(new Float32Array([1, 0]), [2, 1])).toArray(), [[0, 1], [1, 0]]);
});

test('toCategorical rejects a non-integer label, naming its position and value', () => {
  assert.throws(() => toCategorical([0, 1.5]), (e: unknown) => e instanceof DataError && /label 1 is 1\.5/.test(e.message));
  assert.throws(() => toCategorical([0, -1]), (e: unknown) => e instanceof DataError && /label 1 is -1/.test(e.message));
  assert.throws(() => toCategorical([NaN]), DataError);
});

test('toCategorical rejects a label outside numClasses and says which numClasses would fit', () => {
  assert.throws(
    () => toCategorical([0, 3, 1], 3),
    (e: unknown) => e instanceof DataError && /label 1 is 3, outside 0\.\.2/.test(e.message) && /numClasses 4/.test(e.message),
  );
});

test('toCategorical rejects a bad numClasses and one-hot input', () => {
  assert.throws(() => toCategorical([0], 0), ConfigError);
  assert.throws(() => toCategorical([[0, 1]]), ShapeError);
});
