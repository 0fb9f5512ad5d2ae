import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ShapeError } from '../errors.js';
import { tensor } from '../tensor/tensor.js';
import { takeRows } from './take-rows.js';

test('takeRows gathers whole rows in the order of the indices, repeats allowed', () => {
  const x = tensor([[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual(takeRows(x, [2, 0, 2]).toArray(), [[5, 6], [1, 2], [5, 6]]);
  assert.deepEqual(takeRows(tensor([7, 8, 9]), Int32Array.from([1])).shape, [1]);
});

test('takeRows refuses an index outside the rows', () => {
  assert.throws(() => takeRows(tensor([[1], [2]]), [2]), (e: unknown) => e instanceof ShapeError && /index 0 is 2/.test(e.message));
});
