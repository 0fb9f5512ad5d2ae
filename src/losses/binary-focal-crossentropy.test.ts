import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { uniformArray } from '../../test/helpers/gradient-check.js';
import { checkLossGradient, rowLoss } from '../../test/helpers/loss-check.js';
import { ConfigError } from '../errors.js';
import { BinaryCrossentropy } from './binary-crossentropy.js';
import {
  BinaryFocalCrossentropy, type BinaryFocalCrossentropyOptions,
} from './binary-focal-crossentropy.js';

const ROWS = 4;
const COLS = 2;
const LABELS = new Float32Array([1, 0, 0, 1, 1, 1, 0.3, 0]);
const SHAPE = { yTrue: LABELS, rows: ROWS, cols: COLS, labelCols: COLS };
const TIGHT = { rtol: 1e-6 };

function one(options: BinaryFocalCrossentropyOptions, p: number, y: number): number {
  return rowLoss(new BinaryFocalCrossentropy(options), [p], [y]);
}

describe('binary_focal_crossentropy', () => {
  it('is (1 − p_t)^γ · bce with Keras 3 defaults γ = 2, no class balancing', () => {
    // y = 1, p = 0.7: p_t = 0.7, factor 0.3² = 0.09
    assertClose(one({}, 0.7, 1), 0.09 * -Math.log(0.7), TIGHT);
    // y = 0, p = 0.7: p_t = 0.3, factor 0.7² = 0.49
    assertClose(one({}, 0.7, 0), 0.49 * -Math.log(0.3), TIGHT);
  });

  it('weights positives by α and negatives by 1 − α with applyClassBalancing (α = 0.25)', () => {
    const balanced = { applyClassBalancing: true };
    assertClose(one(balanced, 0.7, 1), 0.25 * 0.09 * -Math.log(0.7), TIGHT);
    assertClose(one(balanced, 0.7, 0), 0.75 * 0.49 * -Math.log(0.3), TIGHT);
  });

  it('reduces to binary cross-entropy with γ = 0', () => {
    for (const [p, y] of [[0.7, 1], [0.2, 0], [0.4, 0.3]]) {
      assertClose(one({ gamma: 0 }, p, y), rowLoss(new BinaryCrossentropy(), [p], [y]), TIGHT);
    }
  });

  it('with fromLogits applies the sigmoid first', () => {
    const z = Math.log(0.7 / 0.3);
    assertClose(one({ fromLogits: true }, z, 1), 0.09 * -Math.log(0.7), TIGHT);
    const balanced = { fromLogits: true, applyClassBalancing: true };
    assertClose(one(balanced, z, 0), 0.75 * 0.49 * -Math.log(0.3), TIGHT);
  });

  for (const fromLogits of [false, true]) {
    for (const applyClassBalancing of [false, true]) {
      for (const labelSmoothing of [0, 0.1]) {
        const options = { fromLogits, applyClassBalancing, labelSmoothing };
        it(`backward matches central differences (${JSON.stringify(options)})`, () => {
          const loss = new BinaryFocalCrossentropy(options);
          const yPred = fromLogits
            ? uniformArray(ROWS * COLS, -4, 4, 5)
            : uniformArray(ROWS * COLS, 0.05, 0.95, 6);
          checkLossGradient(loss, { ...SHAPE, yPred }, { step: fromLogits ? 1e-2 : 1e-3 });
        });
      }
    }
  }

  it('backward matches central differences for γ = 1 and γ = 3', () => {
    for (const gamma of [1, 3]) {
      const loss = new BinaryFocalCrossentropy({ gamma, alpha: 0.4, applyClassBalancing: true });
      const yPred = uniformArray(ROWS * COLS, 0.05, 0.95, 7);
      checkLossGradient(loss, { ...SHAPE, yPred }, { step: 1e-3 });
    }
  });

  it('rejects γ < 0 and α outside [0, 1]', () => {
    assert.throws(() => new BinaryFocalCrossentropy({ gamma: -1 }), ConfigError);
    assert.throws(() => new BinaryFocalCrossentropy({ alpha: 2 }), ConfigError);
  });
});
