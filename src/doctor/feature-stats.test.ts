import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { Random } from '../random/random.js';
import { computeFeatureStats } from './feature-stats.js';

/** The textbook two passes in float64, column by column. */
function textbookStats(data: Float32Array, rows: number, cols: number) {
  const column = (j: number) => Array.from({ length: rows }, (_, i) => data[i * cols + j]);
  const mean = Array.from({ length: cols }, (_, j) => column(j).reduce((s, v) => s + v, 0) / rows);
  const std = Array.from({ length: cols }, (_, j) =>
    Math.sqrt(column(j).reduce((s, v) => s + (v - mean[j]) * (v - mean[j]), 0) / rows));
  return {
    rows,
    min: Array.from({ length: cols }, (_, j) => Math.min(...column(j))),
    max: Array.from({ length: cols }, (_, j) => Math.max(...column(j))),
    mean,
    std,
  };
}

test('feature stats are the textbook float64 min, max, mean and std on every backend', () => {
  const random = new Random(3);
  // NOTE: 70,001 rows of 5 columns span several of the wasm scan's blocks; the offset of 1e4
  // in column 2 is where a one-pass variance would lose precision.
  const [rows, cols] = [70_001, 5];
  const data = Float32Array.from({ length: rows * cols }, (_, i) => {
    const v = random.normal() * (1 + (i % cols));
    return i % cols === 2 ? v + 1e4 : v;
  });
  const expected = textbookStats(data, rows, cols);
  for (const backend of ['wasm', 'js', 'reference'] as const) {
    nn.setBackend(backend);
    assert.deepEqual(computeFeatureStats(nn.tensor(data, [rows, cols])), expected, backend);
  }
  nn.setBackend('auto');
});

test('feature stats of no rows are zeros', () => {
  const stats = computeFeatureStats(nn.tensor(new Float32Array(0), [0, 3]));
  assert.deepEqual(stats, { rows: 0, min: [0, 0, 0], max: [0, 0, 0], mean: [0, 0, 0], std: [0, 0, 0] });
});
