import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../errors.js';
import { brierScore } from './brier-score.js';
import { expectedCalibrationError } from './expected-calibration-error.js';
import { majorityBaseline } from './majority-baseline.js';
import { reliabilityCurve } from './reliability-curve.js';

describe('reliabilityCurve', () => {
  it('bins probabilities into equal-width bins, leaving empty bins out', () => {
    const bins = reliabilityCurve([0, 1, 1, 1, 0], [0.1, 0.15, 0.85, 0.95, 1], { bins: 2 });
    assert.equal(bins.length, 2);
    assert.deepEqual([bins[0].lower, bins[0].upper, bins[0].count], [0, 0.5, 2]);
    assert.ok(Math.abs(bins[0].meanPredicted - 0.125) < 1e-15);
    assert.equal(bins[0].fractionPositive, 0.5);
    assert.equal(bins[1].count, 3, 'a probability of exactly 1 falls in the last bin');
    assert.ok(Math.abs(bins[1].fractionPositive - 2 / 3) < 1e-15);
  });

  it('makes quantile bins with about equal counts', () => {
    const p = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    const bins = reliabilityCurve(p.map((v) => (v > 0.5 ? 1 : 0)), p.map((v) => v * v), { bins: 4, strategy: 'quantile' });
    assert.deepEqual(bins.map((b) => b.count), [25, 25, 25, 25]);
  });

  it('rejects zero bins', () => {
    assert.throws(() => reliabilityCurve([0], [0.5], { bins: 0 }), ConfigError);
  });
});

describe('expectedCalibrationError', () => {
  it('is the weighted mean gap between observed and predicted per bin', () => {
    // Bin [0, 0.5): predicted 0.125, observed 0.5 (2 samples); bin [0.5, 1]: 0.9333 vs 0.6667 (3).
    const value = expectedCalibrationError([0, 1, 1, 1, 0], [0.1, 0.15, 0.85, 0.95, 1], { bins: 2 }).value;
    const expected = (2 * Math.abs(0.5 - 0.125) + 3 * Math.abs(2 / 3 - 2.8 / 3)) / 5;
    assert.ok(Math.abs(value - expected) < 1e-12);
  });

  it('is 0 for predictions that match the outcome frequency in every bin', () => {
    assert.equal(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]).value, 0);
  });
});

describe('brierScore and majorityBaseline', () => {
  it('Brier score is the mean squared difference', () => {
    assert.ok(Math.abs(brierScore([0, 1, 1], [0.1, 0.9, 0.6]).value - (0.01 + 0.01 + 0.16) / 3) < 1e-15);
  });

  it('the majority class is chosen by weight, the smallest label on a tie', () => {
    assert.deepEqual(majorityBaseline([0, 1, 1]), { majorityClass: 1, accuracy: 2 / 3 });
    assert.deepEqual(majorityBaseline([0, 1, 1], { sampleWeight: [3, 1, 1] }), { majorityClass: 0, accuracy: 0.6 });
    assert.deepEqual(majorityBaseline([1, 0]), { majorityClass: 0, accuracy: 0.5 });
  });
});
