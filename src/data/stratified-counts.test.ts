import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { apportion } from './split-indices.js';
import { stratifiedCounts } from './stratified-counts.js';

test('each class count is its share rounded down or up, classes are used up and parts have their sizes', () => {
  const problem = fc.record({
    classSizes: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }),
    weights: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 5 }),
  });
  fc.assert(
    fc.property(problem, ({ classSizes, weights }) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const fractions = weights.map((w) => w / total);
      const sizes = apportion(classSizes.reduce((a, b) => a + b, 0), fractions);
      const counts = stratifiedCounts(classSizes, fractions, sizes);
      counts.forEach((row, k) => {
        assert.equal(row.reduce((a, b) => a + b, 0), classSizes[k]);
        row.forEach((count, j) => assert.ok(Math.abs(count - classSizes[k] * fractions[j]) < 1, `class ${k} part ${j}`));
      });
      sizes.forEach((size, j) => assert.equal(counts.reduce((sum, row) => sum + row[j], 0), size));
    }),
    { numRuns: 500 },
  );
});

test('the case a greedy rounding gets wrong: leftovers are rerouted instead of overfilling a part', () => {
  const counts = stratifiedCounts([85, 45, 72], [0.7, 0.15, 0.15], [142, 30, 30]);
  assert.deepEqual(counts.map((row) => row.reduce((a, b) => a + b, 0)), [85, 45, 72]);
  assert.ok(counts[1][0] <= 32, `class 1 gets ${counts[1][0]} training rows for a share of 31.5`);
});
