import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { awayFromKinks, uniformArray } from '../../test/helpers/gradient-check.js';
import { checkLossGradient, rowLoss } from '../../test/helpers/loss-check.js';
import { Hinge, MeanAbsoluteError, MeanSquaredError } from './elementwise-losses.js';

/** Predictions at least 0.05 away from the labels' kinks (p = y for MAE, y·p = 1 for hinge). */
function predictionsAwayFrom(
  labels: Float32Array, kinkAt: (y: number) => number, seed: number,
): Float32Array {
  const out = new Float32Array(labels.length);
  labels.forEach((y, i) => {
    out[i] = awayFromKinks(1, -2, 2, [kinkAt(y)], 0.05, seed + i)[0];
  });
  return out;
}

describe('mean_squared_error', () => {
  it('is the mean over columns of (y − p)²', () => {
    assertClose(rowLoss(new MeanSquaredError(), [0.5, 2], [1, 0]), (0.25 + 4) / 2, { rtol: 1e-7 });
  });

  it('backward matches central differences', () => {
    const yTrue = uniformArray(12, -1, 1, 31);
    const yPred = uniformArray(12, -2, 2, 32);
    checkLossGradient(new MeanSquaredError(), { yPred, yTrue, rows: 4, cols: 3, labelCols: 3 });
  });
});

describe('mean_absolute_error', () => {
  it('is the mean over columns of |y − p|', () => {
    assertClose(rowLoss(new MeanAbsoluteError(), [0.5, 2], [1, 0]), (0.5 + 2) / 2, { rtol: 1e-7 });
  });

  it('backward matches central differences away from p = y', () => {
    const yTrue = uniformArray(12, -1, 1, 33);
    const yPred = predictionsAwayFrom(yTrue, (y) => y, 34);
    checkLossGradient(new MeanAbsoluteError(), { yPred, yTrue, rows: 4, cols: 3, labelCols: 3 });
  });
});

describe('hinge', () => {
  it('converts 0/1 labels to −1/+1 as Keras does', () => {
    assertClose(rowLoss(new Hinge(), [0.3, 0.3], [0, 1]), (1.3 + 0.7) / 2, { rtol: 1e-6 });
  });

  it('keeps −1/+1 labels as they are', () => {
    assertClose(rowLoss(new Hinge(), [0.3, 0.3], [-1, 1]), (1.3 + 0.7) / 2, { rtol: 1e-6 });
  });

  it('leaves labels unconverted when the batch holds values other than 0 and 1', () => {
    // y = 0.5 is not binary, so y = 0 stays 0: max(1 − 0, 0) = 1 and max(1 − 0.5·0.4, 0) = 0.8.
    assertClose(rowLoss(new Hinge(), [0.3, 0.4], [0, 0.5]), (1 + 0.8) / 2, { rtol: 1e-6 });
  });

  it('is zero beyond the margin', () => {
    assertClose(rowLoss(new Hinge(), [2], [1]), 0, { atol: 0 });
  });

  it('backward matches central differences with 0/1 labels (away from y·p = 1)', () => {
    const yTrue = new Float32Array([0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1]);
    const yPred = predictionsAwayFrom(yTrue, (y) => 2 * y - 1, 35);
    checkLossGradient(new Hinge(), { yPred, yTrue, rows: 4, cols: 3, labelCols: 3 });
  });

  it('backward matches central differences with −1/+1 labels', () => {
    const yTrue = new Float32Array([-1, 1, 1, -1, 1, -1, -1, 1, 1, -1, 1, 1]);
    const yPred = predictionsAwayFrom(yTrue, (y) => y, 36);
    checkLossGradient(new Hinge(), { yPred, yTrue, rows: 4, cols: 3, labelCols: 3 });
  });
});
