import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../errors.js';
import { Random } from '../../random/random.js';
import { bootstrapIntervals } from './bootstrap-intervals.js';
import { rocAucScore } from './roc-auc-score.js';

function synthetic(n: number, seed: number): { yTrue: number[]; yScore: number[] } {
  const random = new Random(seed);
  const yTrue: number[] = [];
  const yScore: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = random.uniform() < 0.3 ? 1 : 0;
    yTrue.push(y);
    yScore.push(1 / (1 + Math.exp(-(random.normal() + (y === 1 ? 1.5 : -0.5)))));
  }
  return { yTrue, yScore };
}

describe('bootstrapIntervals', () => {
  const { yTrue, yScore } = synthetic(400, 1);

  it('is reproducible: the same seed gives the same intervals, another seed others', () => {
    const a = bootstrapIntervals(yTrue, yScore, { resamples: 200, seed: 5 });
    const b = bootstrapIntervals(yTrue, yScore, { resamples: 200, seed: 5 });
    const c = bootstrapIntervals(yTrue, yScore, { resamples: 200, seed: 6 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.auc, c.auc);
  });

  it('centres each interval near the estimate, the estimate being the exact statistic on the data', () => {
    const result = bootstrapIntervals(yTrue, yScore, { resamples: 300, seed: 1 });
    assert.ok(result.auc);
    assert.ok(Math.abs(result.auc.estimate - rocAucScore(yTrue, yScore).value) < 1e-12);
    for (const interval of [result.auc, result.f1, result.precision, result.recall, result.accuracy]) {
      assert.ok(interval);
      assert.ok(interval.lower <= interval.estimate && interval.estimate <= interval.upper, JSON.stringify(interval));
      assert.ok(interval.upper - interval.lower < 0.25);
      assert.equal(interval.resamplesUsed, 300);
    }
  });

  it('narrows with more data and widens with more confidence', () => {
    const big = synthetic(4000, 2);
    const small = bootstrapIntervals(yTrue, yScore, { resamples: 200 });
    const large = bootstrapIntervals(big.yTrue, big.yScore, { resamples: 200 });
    const width = (r: typeof small) => (r.auc ? r.auc.upper - r.auc.lower : 0);
    assert.ok(width(large) < width(small));
    assert.ok(width(bootstrapIntervals(yTrue, yScore, { resamples: 200, confidence: 0.99 })) > width(small));
  });

  it('leaves out, and counts, resamples where a statistic is undefined', () => {
    // Resamples without either positive row leave ROC AUC undefined (about one in ten).
    const result = bootstrapIntervals([1, 1, 0, 0, 0, 0, 0, 0], [0.9, 0.3, 0.1, 0.2, 0.4, 0.5, 0.35, 0.25], { resamples: 300 });
    assert.ok(result.auc && result.auc.resamplesUsed < 300 && result.auc.resamplesUsed > 150);
    assert.ok(result.warnings.some((w) => w.code === 'resamples-dropped' && w.metric === 'auc'));
  });

  it('leaves an interval undefined (null), not a point, when the resamples are degenerate', () => {
    // Six rows classified without error: every resample scores 1, which says nothing about new rows.
    const result = bootstrapIntervals([1, 1, 0, 0, 1, 0], [0.9, 0.8, 0.1, 0.2, 0.7, 0.3], { resamples: 200 });
    assert.equal(result.accuracy, null);
    assert.equal(result.precision, null);
    assert.equal(result.auc, null);
    const undefinedIntervals = result.warnings.filter((w) => w.code === 'interval-undefined');
    assert.equal(undefinedIntervals.length, 1, 'one warning for them all');
    assert.match(undefinedIntervals[0].message, /^auc, f1, precision, recall and accuracy were 1\.0000 in every resample: .* their intervals are undefined\.$/);
    assert.ok(!result.warnings.some((w) => w.code === 'auc-undefined'), 'both classes are there');
    // One positive row among five: recall is defined only when it is drawn (two resamples in three).
    const rare = bootstrapIntervals([1, 0, 0, 0, 0], [0.9, 0.1, 0.2, 0.3, 0.4], { resamples: 300, threshold: 0.95 });
    assert.ok(rare.accuracy && rare.accuracy.lower < rare.accuracy.upper);
    assert.equal(rare.recall, null, 'recall 0 in every resample that defines it');
  });

  it('rejects a confidence outside (0, 1)', () => {
    assert.throws(() => bootstrapIntervals(yTrue, yScore, { confidence: 95 }), ConfigError);
  });
});
