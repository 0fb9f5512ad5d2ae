import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError } from '../errors.js';
import { balancedClassWeight } from './balanced-class-weight.js';

test('balancedClassWeight gives rows / (classes × class rows), as scikit-learn', () => {
  const weights = balancedClassWeight([0, 0, 0, 1]);
  assert.equal(weights[0], 4 / (2 * 3));
  assert.equal(weights[1], 4 / (2 * 1));
});

test('balancedClassWeight makes every class weigh the same in total', () => {
  const labels = Int32Array.from([2, 0, 0, 1, 2, 2, 2, 0, 2]);
  const weights = balancedClassWeight(labels);
  const totals = [0, 1, 2].map((k) => Array.from(labels).filter((label) => label === k).length * weights[k]);
  for (const total of totals) assert.ok(Math.abs(total - labels.length / 3) < 1e-12);
});

test('balancedClassWeight leaves out classes that have no rows', () => {
  assert.deepEqual(Object.keys(balancedClassWeight([0, 2, 2])), ['0', '2']);
});

test('balancedClassWeight refuses labels that are not class indices, naming the row', () => {
  assert.throws(() => balancedClassWeight([0, 1.5]), (error: unknown) => error instanceof DataError && /label 1 is 1.5/.test(error.message));
  assert.throws(() => balancedClassWeight([]), DataError);
});
