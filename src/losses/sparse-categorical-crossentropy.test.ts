import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { uniformArray } from '../../test/helpers/gradient-check.js';
import { checkFusedGradient, checkLossGradient, totalLoss } from '../../test/helpers/loss-check.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

const ROWS = 4;
const COLS = 3;
const LABELS = new Float32Array([1, 0, 2, 1]);
const ONE_HOT = new Float32Array([0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0]);

describe('sparse_categorical_crossentropy', () => {
  for (const fromLogits of [false, true]) {
    it(`equals categorical_crossentropy on the one-hot labels (fromLogits ${fromLogits})`, () => {
      const yPred = fromLogits ? uniformArray(ROWS * COLS, -3, 3, 21) : uniformArray(ROWS * COLS, 0.1, 1, 22);
      const sparse = totalLoss(new SparseCategoricalCrossentropy({ fromLogits }), { yPred, yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: 1 });
      const dense = totalLoss(new CategoricalCrossentropy({ fromLogits }), { yPred, yTrue: ONE_HOT, rows: ROWS, cols: COLS, labelCols: COLS });
      assertClose(sparse, dense, { rtol: 1e-6 });
    });

    it(`backward matches central differences (fromLogits ${fromLogits})`, () => {
      const yPred = fromLogits ? uniformArray(ROWS * COLS, -3, 3, 23) : uniformArray(ROWS * COLS, 0.1, 1, 24);
      const loss = new SparseCategoricalCrossentropy({ fromLogits });
      checkLossGradient(loss, { yPred, yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: 1 }, { step: fromLogits ? 1e-2 : 1e-3 });
    });
  }

  it('is −log p[label] with Keras clipping', () => {
    const loss = new SparseCategoricalCrossentropy();
    const value = totalLoss(loss, { yPred: new Float32Array([0.2, 0.7, 0.1]), yTrue: new Float32Array([1]), rows: 1, cols: 3, labelCols: 1 });
    assertClose(value, -Math.log(0.7), { rtol: 1e-6 });
    const clipped = totalLoss(loss, { yPred: new Float32Array([1, 0, 0]), yTrue: new Float32Array([2]), rows: 1, cols: 3, labelCols: 1 });
    assertClose(clipped, -Math.log(1e-7), { rtol: 1e-6 });
  });

  it('fused with softmax gives p − onehot(label), the chain rule\'s value', () => {
    const z = uniformArray(ROWS * COLS, -2, 2, 25);
    checkFusedGradient(new SparseCategoricalCrossentropy(), 'softmax', z, { yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: 1 });
  });

  it('needs one label column whatever the number of outputs', () => {
    assert.equal(new SparseCategoricalCrossentropy().labelColumns(), 1);
  });
});
