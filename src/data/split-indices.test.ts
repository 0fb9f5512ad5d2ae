import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConfigError, DataError } from '../errors.js';
import { apportion, splitIndices } from './split-indices.js';

const labelsOf = (counts: number[]) => counts.flatMap((count, k) => Array<number>(count).fill(k));
const classCount = (labels: number[], part: Int32Array, k: number) => [...part].filter((i) => labels[i] === k).length;

test('apportion rounds by largest remainder and always adds up to the total', () => {
  assert.deepEqual(apportion(569, [0.8, 0.2]), [455, 114]);
  assert.deepEqual(apportion(10, [0.7, 0.15, 0.15]), [7, 2, 1]);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 5 }), (n, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const sizes = apportion(n, weights.map((w) => w / total));
      assert.equal(sizes.reduce((a, b) => a + b, 0), n);
      sizes.forEach((size, j) => assert.ok(Math.abs(size - (n * weights[j]) / total) < 1));
    }),
  );
});

test('splitIndices partitions every row exactly once into parts of the apportioned sizes', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 20, maxLength: 300 }), fc.boolean(), fc.integer(), (labels, stratify, seed) => {
      const parts = splitIndices(labels, { fractions: [0.6, 0.2, 0.2], seed, stratify });
      assert.deepEqual(parts.map((p) => p.length), apportion(labels.length, [0.6, 0.2, 0.2]));
      const all = parts.flatMap((p) => [...p]).sort((a, b) => a - b);
      assert.deepEqual(all, labels.map((_, i) => i));
    }),
  );
});

test('a stratified split gives each class its share in every part, rounded down or up', () => {
  fc.assert(
    // NOTE: at least 7 rows per class (14 in all), so no part of 15% is empty: fewer rows are
    // refused with a DataError, tested below.
    fc.property(fc.array(fc.integer({ min: 7, max: 200 }), { minLength: 2, maxLength: 4 }), fc.integer(), (counts, seed) => {
      const labels = labelsOf(counts);
      const fractions = [0.7, 0.15, 0.15];
      const parts = splitIndices(labels, { fractions, seed, stratify: true });
      counts.forEach((count, k) => parts.forEach((part, j) => assert.ok(Math.abs(classCount(labels, part, k) - count * fractions[j]) < 1)));
    }),
  );
});

test('the same seed gives the same split and another seed a different one', () => {
  const labels = labelsOf([60, 40]);
  const a = splitIndices(labels, { fractions: [0.8, 0.2], seed: 1, stratify: true });
  const b = splitIndices(labels, { fractions: [0.8, 0.2], seed: 1, stratify: true });
  const c = splitIndices(labels, { fractions: [0.8, 0.2], seed: 2, stratify: true });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('without shuffling the parts are consecutive blocks in row order', () => {
  assert.deepEqual(splitIndices(5, { fractions: [0.6, 0.4], shuffle: false }).map((p) => [...p]), [[0, 1, 2], [3, 4]]);
});

test('splitIndices rejects bad fractions, empty parts and stratifying without shuffle', () => {
  assert.throws(() => splitIndices(10, { fractions: [0.5, 0.4] }), ConfigError);
  assert.throws(() => splitIndices(10, { fractions: [1] }), ConfigError);
  assert.throws(() => splitIndices(2, { fractions: [0.8, 0.1, 0.1] }), DataError);
  assert.throws(() => splitIndices([0, 1, 0, 1], { fractions: [0.5, 0.5], stratify: true, shuffle: false }), ConfigError);
  assert.throws(() => splitIndices(4, { fractions: [0.5, 0.5], stratify: true }), ConfigError);
});
