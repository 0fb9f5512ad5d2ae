import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataError, ShapeError } from '../../errors.js';
import { rocCurve } from './roc-curve.js';
import { accuracyScore } from './accuracy-score.js';

describe('evaluation inputs', () => {
  it('reject a binary label that is not 0 or 1, naming the row', () => {
    assert.throws(
      () => rocCurve([0, 1, 2], [0.1, 0.2, 0.3]),
      (error: unknown) => error instanceof DataError && error.location.row === 2 && error.message.includes('yTrue[2]'),
    );
  });

  it('reject arrays of different lengths, NaN scores and negative weights', () => {
    assert.throws(() => rocCurve([0, 1], [0.1]), ShapeError);
    assert.throws(() => rocCurve([0, 1], [0.1, Number.NaN]), DataError);
    assert.throws(() => rocCurve([0, 1], [0.1, 0.2], { sampleWeight: [1, -1] }), DataError);
  });

  it('reject empty input and class labels that are not integers', () => {
    assert.throws(() => accuracyScore([], []), DataError);
    assert.throws(() => accuracyScore([0.5], [0]), DataError);
  });
});
