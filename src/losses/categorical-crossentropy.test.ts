import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { uniformArray } from '../../test/helpers/gradient-check.js';
import { checkFusedGradient, checkLossGradient, rowLoss } from '../../test/helpers/loss-check.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';

const ROWS = 3;
const COLS = 4;
// One-hot rows and one soft row.
const LABELS = new Float32Array([0, 1, 0, 0, 1, 0, 0, 0, 0.2, 0.3, 0, 0.5]);
const SHAPE = { yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: COLS };
const TIGHT = { rtol: 1e-6 };

describe('categorical_crossentropy', () => {
  const plain = new CategoricalCrossentropy();

  it('is −Σ y·log p per row', () => {
    assertClose(rowLoss(plain, [0.2, 0.7, 0.1], [0, 1, 0]), -Math.log(0.7), TIGHT);
  });

  it('divides probabilities by their row sum first, as Keras does', () => {
    assertClose(rowLoss(plain, [0.4, 1.4, 0.2], [0, 1, 0]), -Math.log(0.7), TIGHT);
  });

  it('clips probabilities at 1e-7', () => {
    assertClose(rowLoss(plain, [0, 1, 0], [1, 0, 0]), -Math.log(1e-7), TIGHT);
  });

  it('smooths labels as y·(1 − s) + s/K', () => {
    const loss = new CategoricalCrossentropy({ labelSmoothing: 0.3 });
    const expected = -(0.1 * Math.log(0.2) + 0.8 * Math.log(0.7) + 0.1 * Math.log(0.1));
    assertClose(rowLoss(loss, [0.2, 0.7, 0.1], [0, 1, 0]), expected, TIGHT);
  });

  it('with fromLogits computes −Σ y·log softmax(z) stably', () => {
    const loss = new CategoricalCrossentropy({ fromLogits: true });
    const logSum = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5));
    assertClose(rowLoss(loss, [1, 2, 0.5], [0, 1, 0]), logSum - 2, TIGHT);
    const large = rowLoss(loss, [1000, -1000, 0], [0, 1, 0]);
    assert.ok(Number.isFinite(large), 'large logits stay finite');
  });

  for (const labelSmoothing of [0, 0.1]) {
    describe(`with labelSmoothing ${labelSmoothing}`, () => {
      it('backward on (unnormalized) probabilities matches central differences', () => {
        const loss = new CategoricalCrossentropy({ labelSmoothing });
        const yPred = uniformArray(ROWS * COLS, 0.1, 1, 11);
        checkLossGradient(loss, { ...SHAPE, yPred }, { step: 1e-3 });
      });

      it('backward on logits matches central differences', () => {
        const loss = new CategoricalCrossentropy({ fromLogits: true, labelSmoothing });
        const yPred = uniformArray(ROWS * COLS, -3, 3, 12);
        checkLossGradient(loss, { ...SHAPE, yPred });
      });

      it('fused with softmax gives p·Σy − y, the chain rule\'s value', () => {
        const loss = new CategoricalCrossentropy({ labelSmoothing });
        const z = uniformArray(ROWS * COLS, -2, 2, 13);
        checkFusedGradient(loss, 'softmax', z, SHAPE);
      });
    });
  }

  it('does not fuse with logits or with sigmoid', () => {
    const y = new Float32Array([0.5, 0.5]);
    const grad = new Float32Array(2);
    const logits = new CategoricalCrossentropy({ fromLogits: true });
    assert.equal(logits.fusedBackward('softmax', y, y, 1, 2, 2, grad), false);
    assert.equal(plain.fusedBackward('sigmoid', y, y, 1, 2, 2, grad), false);
  });
});
