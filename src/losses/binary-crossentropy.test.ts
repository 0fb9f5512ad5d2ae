import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { uniformArray } from '../../test/helpers/gradient-check.js';
import { checkFusedGradient, checkLossGradient, rowLoss } from '../../test/helpers/loss-check.js';
import { ConfigError } from '../errors.js';
import { BinaryCrossentropy } from './binary-crossentropy.js';

const ROWS = 4;
const COLS = 2;
// Hard and soft labels: the formulas must hold for any target in [0, 1].
const LABELS = new Float32Array([1, 0, 0, 1, 1, 1, 0.3, 0]);
const SHAPE = { yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: COLS };

describe('binary_crossentropy', () => {
  it('is −(y·log p + (1 − y)·log(1 − p)) averaged over output columns', () => {
    const loss = new BinaryCrossentropy();
    assertClose(rowLoss(loss, [0.8], [1]), -Math.log(0.8), { rtol: 1e-6 });
    assertClose(rowLoss(loss, [0.8], [0]), -Math.log(0.2), { rtol: 1e-6 });
    const mean = (-Math.log(0.8) - Math.log(0.6)) / 2;
    assertClose(rowLoss(loss, [0.8, 0.4], [1, 0]), mean, { rtol: 1e-6 }, 'mean over columns');
  });

  it('clips probabilities to [1e-7, 1 − 1e-7] as Keras does', () => {
    const loss = new BinaryCrossentropy();
    assertClose(rowLoss(loss, [0], [1]), -Math.log(1e-7), { rtol: 1e-6 }, 'p = 0, y = 1');
    assert.ok(Number.isFinite(rowLoss(loss, [1], [0])), 'p = 1, y = 0 is finite');
  });

  it('with fromLogits uses the stable form max(z, 0) − z·y + log(1 + e^−|z|)', () => {
    const loss = new BinaryCrossentropy({ fromLogits: true });
    assertClose(rowLoss(loss, [2], [1]), Math.log1p(Math.exp(-2)), { rtol: 1e-6 });
    assertClose(rowLoss(loss, [-2], [1]), 2 + Math.log1p(Math.exp(-2)), { rtol: 1e-6 });
    assertClose(rowLoss(loss, [200], [0]), 200, { rtol: 1e-6 }, 'no overflow for large logits');
  });

  it('smooths labels toward 0.5: y·(1 − s) + s/2', () => {
    const loss = new BinaryCrossentropy({ labelSmoothing: 0.2 });
    const expected = -(0.9 * Math.log(0.7) + 0.1 * Math.log(0.3));
    assertClose(rowLoss(loss, [0.7], [1]), expected, { rtol: 1e-6 });
  });

  for (const labelSmoothing of [0, 0.1]) {
    describe(`with labelSmoothing ${labelSmoothing}`, () => {
      it('backward on probabilities matches central differences', () => {
        const loss = new BinaryCrossentropy({ labelSmoothing });
        const yPred = uniformArray(ROWS * COLS, 0.05, 0.95, 1);
        checkLossGradient(loss, { ...SHAPE, yPred }, { step: 1e-3 });
      });

      it('backward on logits matches central differences', () => {
        const loss = new BinaryCrossentropy({ fromLogits: true, labelSmoothing });
        const yPred = uniformArray(ROWS * COLS, -4, 4, 2);
        checkLossGradient(loss, { ...SHAPE, yPred });
      });

      it('fused with sigmoid gives (p − y)/cols, the chain rule\'s value', () => {
        const loss = new BinaryCrossentropy({ labelSmoothing });
        const z = uniformArray(ROWS * COLS, -3, 3, 3);
        checkFusedGradient(loss, 'sigmoid', z, SHAPE);
      });
    });
  }

  it('does not fuse with other activations or with logits', () => {
    const grad = new Float32Array(1);
    const y = new Float32Array([0.5]);
    assert.equal(new BinaryCrossentropy().fusedBackward('tanh', y, y, 1, 1, 1, grad), false);
    const logits = new BinaryCrossentropy({ fromLogits: true });
    assert.equal(logits.fusedBackward('sigmoid', y, y, 1, 1, 1, grad), false);
  });

  it('rejects labelSmoothing outside [0, 1]', () => {
    assert.throws(() => new BinaryCrossentropy({ labelSmoothing: 1.5 }), ConfigError);
    assert.throws(() => new BinaryCrossentropy({ labelSmoothing: -0.1 }), ConfigError);
  });
});
