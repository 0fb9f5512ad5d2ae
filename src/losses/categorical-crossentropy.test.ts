import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { uniformArray } from '../../test/helpers/gradient-check.js';
import { checkFusedGradient, checkLossGradient, totalLoss } from '../../test/helpers/loss-check.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';

const ROWS = 3;
const COLS = 4;
// One-hot rows and one soft row.
const LABELS = new Float32Array([0, 1, 0, 0, 1, 0, 0, 0, 0.2, 0.3, 0, 0.5]);

function row(loss: CategoricalCrossentropy, p: number[], y: number[]): number {
  return totalLoss(loss, { yPred: new Float32Array(p), yTrue: new Float32Array(y), rows: 1, cols: p.length, labelCols: y.length });
}

describe('categorical_crossentropy', () => {
  it('is −Σ y·log p per row', () => {
    assertClose(row(new CategoricalCrossentropy(), [0.2, 0.7, 0.1], [0, 1, 0]), -Math.log(0.7), { rtol: 1e-6 });
  });

  it('divides probabilities by their row sum first, as Keras does', () => {
    assertClose(row(new CategoricalCrossentropy(), [0.4, 1.4, 0.2], [0, 1, 0]), -Math.log(0.7), { rtol: 1e-6 });
  });

  it('clips probabilities at 1e-7', () => {
    assertClose(row(new CategoricalCrossentropy(), [0, 1, 0], [1, 0, 0]), -Math.log(1e-7), { rtol: 1e-6 });
  });

  it('smooths labels as y·(1 − s) + s/K', () => {
    const loss = new CategoricalCrossentropy({ labelSmoothing: 0.3 });
    const expected = -(0.1 * Math.log(0.2) + 0.8 * Math.log(0.7) + 0.1 * Math.log(0.1));
    assertClose(row(loss, [0.2, 0.7, 0.1], [0, 1, 0]), expected, { rtol: 1e-6 });
  });

  it('with fromLogits computes −Σ y·log softmax(z) stably', () => {
    const loss = new CategoricalCrossentropy({ fromLogits: true });
    const z = [1, 2, 0.5];
    const logSum = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5));
    assertClose(row(loss, z, [0, 1, 0]), logSum - 2, { rtol: 1e-6 });
    assert.ok(Number.isFinite(row(loss, [1000, -1000, 0], [0, 1, 0])), 'large logits stay finite');
  });

  for (const labelSmoothing of [0, 0.1]) {
    it(`backward on (unnormalized) probabilities matches central differences (labelSmoothing ${labelSmoothing})`, () => {
      const loss = new CategoricalCrossentropy({ labelSmoothing });
      const yPred = uniformArray(ROWS * COLS, 0.1, 1, 11);
      checkLossGradient(loss, { yPred, yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: COLS }, { step: 1e-3 });
    });

    it(`backward on logits matches central differences (labelSmoothing ${labelSmoothing})`, () => {
      const loss = new CategoricalCrossentropy({ fromLogits: true, labelSmoothing });
      const yPred = uniformArray(ROWS * COLS, -3, 3, 12);
      checkLossGradient(loss, { yPred, yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: COLS });
    });

    it(`fused with softmax gives p·Σy − y, the chain rule's value (labelSmoothing ${labelSmoothing})`, () => {
      const loss = new CategoricalCrossentropy({ labelSmoothing });
      const z = uniformArray(ROWS * COLS, -2, 2, 13);
      checkFusedGradient(loss, 'softmax', z, { yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: COLS });
    });
  }

  it('does not fuse with logits or with sigmoid', () => {
    const y = new Float32Array([0.5, 0.5]);
    const grad = new Float32Array(2);
    assert.equal(new CategoricalCrossentropy({ fromLogits: true }).fusedBackward('softmax', y, y, 1, 2, 2, grad), false);
    assert.equal(new CategoricalCrossentropy().fusedBackward('sigmoid', y, y, 1, 2, 2, grad), false);
  });
});
