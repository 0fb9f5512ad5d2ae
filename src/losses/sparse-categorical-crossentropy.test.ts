import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { uniformArray } from '../../test/helpers/gradient-check.js';
import {
  checkFusedGradient, checkLossGradient, rowLoss, totalLoss,
} from '../../test/helpers/loss-check.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

const ROWS = 4;
const COLS = 3;
const LABELS = new Float32Array([1, 0, 2, 1]);
const ONE_HOT = new Float32Array([0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0]);
const SHAPE = { yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: 1 };

function predictions(fromLogits: boolean, seed: number): Float32Array {
  return fromLogits
    ? uniformArray(ROWS * COLS, -3, 3, seed)
    : uniformArray(ROWS * COLS, 0.1, 1, seed);
}

describe('sparse_categorical_crossentropy', () => {
  for (const fromLogits of [false, true]) {
    it(`equals categorical_crossentropy on the one-hot labels (fromLogits ${fromLogits})`, () => {
      const yPred = predictions(fromLogits, 21);
      const sparseLoss = new SparseCategoricalCrossentropy({ fromLogits });
      const sparse = totalLoss(sparseLoss, { ...SHAPE, yPred });
      const dense = totalLoss(new CategoricalCrossentropy({ fromLogits }), {
        yPred, yTrue: ONE_HOT, rows: ROWS, cols: COLS, labelCols: COLS,
      });
      assertClose(sparse, dense, { rtol: 1e-6 });
    });

    it(`backward matches central differences (fromLogits ${fromLogits})`, () => {
      const loss = new SparseCategoricalCrossentropy({ fromLogits });
      const yPred = predictions(fromLogits, 23);
      checkLossGradient(loss, { ...SHAPE, yPred }, { step: fromLogits ? 1e-2 : 1e-3 });
    });
  }

  it('is −log p[label] with Keras clipping', () => {
    const loss = new SparseCategoricalCrossentropy();
    assertClose(rowLoss(loss, [0.2, 0.7, 0.1], [1]), -Math.log(0.7), { rtol: 1e-6 });
    assertClose(rowLoss(loss, [1, 0, 0], [2]), -Math.log(1e-7), { rtol: 1e-6 });
  });

  it('fused with softmax gives p − onehot(label), the chain rule\'s value', () => {
    const z = uniformArray(ROWS * COLS, -2, 2, 25);
    checkFusedGradient(new SparseCategoricalCrossentropy(), 'softmax', z, SHAPE);
  });

  it('needs one label column whatever the number of outputs', () => {
    assert.equal(new SparseCategoricalCrossentropy().labelColumns(), 1);
  });
});
