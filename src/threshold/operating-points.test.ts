import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { binaryCounts } from '../metrics/evaluation/binary-counts.js';
import { operatingPoints, strictThreshold } from './operating-points.js';

describe('strictThreshold', () => {
  it('lies in [below, above), also after rounding to float32 when the scores are float32', () => {
    const float32 = fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(float32, float32, (a, b) => {
        if (a === b) return;
        const [above, below] = a > b ? [a, b] : [b, a];
        const t = strictThreshold(above, below);
        assert.ok(below <= t && t < above, `${below} <= ${t} < ${above}`);
        assert.ok(below <= Math.fround(t) && Math.fround(t) < above);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('picks the midpoint between two ordinary probabilities', () => {
    assert.equal(strictThreshold(0.75, 0.25), 0.5);
  });

  it('goes below the lowest score when everything is predicted positive', () => {
    assert.ok(strictThreshold(0.2, undefined) < 0.2);
    assert.ok(strictThreshold(0, undefined) < 0);
    assert.ok(strictThreshold(-3, undefined) < -3);
  });
});

describe('operatingPoints', () => {
  it('gives thresholds that reproduce every point under score > threshold, ties and weights included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 50 }),
        (rows) => {
          const labels = Float64Array.from(rows, (r) => (r[0] ? 1 : 0));
          const scores = Float64Array.from(rows, (r) => r[1] / 10);
          const weights = Float64Array.from(rows, (r) => r[2]);
          if (weights.every((w) => w === 0)) return;
          const points = operatingPoints(labels, scores, weights);
          for (const point of points) {
            const counts = binaryCounts(labels, scores, point.threshold, weights);
            assert.deepEqual(counts, { tp: point.tp, fp: point.fp, tn: point.tn, fn: point.fn });
          }
          assert.equal(points[0].tp + points[0].fp, 0, 'the first point predicts nothing');
          const last = points[points.length - 1];
          assert.equal(last.fn + last.tn, 0, 'the last point predicts everything');
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});
