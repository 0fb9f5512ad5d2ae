import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../random/random.js';
import { binaryCounts } from './binary-counts.js';
import { bootstrapResamples, type ResampleSums } from './bootstrap-resamples.js';

/** The plain bootstrap: n draws of Random.int(n), then counts row by row and the AUC by ranks. */
function reference(labels: Float64Array, scores: Float64Array, weights: Float64Array, threshold: number, resamples: number, seed: number): ResampleSums[] {
  const n = labels.length;
  const random = new Random(seed);
  const out: ResampleSums[] = [];
  for (let b = 0; b < resamples; b++) {
    const w = new Float64Array(n);
    for (let draw = 0; draw < n; draw++) {
      const i = random.int(n);
      w[i] += weights[i];
    }
    let area = 0;
    let positives = 0;
    let negatives = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (labels[i] !== 1 || labels[j] !== 0) continue;
        area += w[i] * w[j] * (scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0);
      }
      if (labels[i] === 1) positives += w[i];
      else negatives += w[i];
    }
    out.push({ ...binaryCounts(labels, scores, threshold, w), area, positives, negatives });
  }
  return out;
}

function run(labels: Float64Array, scores: Float64Array, weights: Float64Array, threshold: number): ResampleSums[] {
  const n = labels.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const groupEnd = Uint8Array.from({ length: n }, (_, r) => (r === n - 1 || scores[order[r + 1]] !== scores[order[r]] ? 1 : 0));
  const out: ResampleSums[] = [];
  bootstrapResamples(labels, scores, weights, threshold, order, groupEnd, 40, 7, (sums) => out.push({ ...sums }));
  return out;
}

test('one pass in score order gives each resample the counts and AUC of counting row by row', () => {
  const random = new Random(3);
  const n = 150;
  const labels = Float64Array.from({ length: n }, () => (random.uniform() < 0.35 ? 1 : 0));
  // Scores rounded to two decimals, so many rows tie (and some sit on the threshold).
  const scores = Float64Array.from(labels, (y) => Math.round(100 / (1 + Math.exp(-(random.normal() + y)))) / 100);
  const whole = Float64Array.from(labels, () => 1 + random.int(3));
  for (const [weights, threshold] of [[new Float64Array(n).fill(1), 0.5], [whole, 0.6], [whole, 2], [whole, -1]] as const) {
    const expected = reference(labels, scores, weights, threshold, 40, 7);
    const got = run(labels, scores, weights, threshold);
    assert.deepEqual(got.map((s) => [s.tp, s.fp, s.tn, s.fn, s.positives, s.negatives]), expected.map((s) => [s.tp, s.fp, s.tn, s.fn, s.positives, s.negatives]));
    // The reference sums the area pair by pair, so compare it up to rounding.
    for (let b = 0; b < got.length; b++) assert.ok(Math.abs(got[b].area - expected[b].area) <= 1e-9 * expected[b].area);
  }
  const fractional = Float64Array.from(labels, () => random.uniform() * 2);
  const expected = reference(labels, scores, fractional, 0.5, 40, 7);
  run(labels, scores, fractional, 0.5).forEach((s, b) => {
    for (const key of ['tp', 'fp', 'tn', 'fn'] as const) assert.ok(Math.abs(s[key] - expected[b][key]) < 1e-9, `${key} of resample ${b}`);
  });
});
