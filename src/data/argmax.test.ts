import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../errors.js';
import { tensor } from '../tensor/tensor.js';
import { argmax } from './argmax.js';

test('argmax returns the column of the largest value in each row', () => {
  assert.deepEqual([...argmax([[0.1, 0.7, 0.2], [0.9, 0.05, 0.05], [-3, -2, -1]])], [1, 0, 2]);
});

test('argmax breaks ties towards the first index, as numpy does', () => {
  assert.deepEqual([...argmax(tensor(new Float32Array([0.5, 0.5, 0.2, 0.2]), [2, 2]))], [0, 0]);
});

test('argmax treats a 1-D tensor as a single row', () => {
  assert.deepEqual([...argmax(tensor([3, 9, 1]))], [1]);
});

test('argmax refuses NaN instead of inventing a class', () => {
  assert.throws(() => argmax([[0.2, NaN]]), (e: unknown) => e instanceof DataError && /row 0, column 1 is NaN/.test(e.message));
});
