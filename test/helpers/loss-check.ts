// Gradient checks for losses: `backward` against central differences of Σ_rows `forward`, and a
// fused activation + loss gradient against both central differences through the activation and
// the unfused chain rule (activation.backward of loss.backward).
import assert from 'node:assert/strict';
import { getActivation, type ActivationName } from '../../src/activations/activations.js';
import type { Loss } from '../../src/losses/loss.js';
import { assertAllClose, type Tolerance } from './close.js';
import { checkGradients } from './gradient-check.js';

export interface LossCase {
  readonly yPred: Float32Array;
  readonly yTrue: Float32Array;
  readonly rows: number;
  readonly cols: number;
  readonly labelCols: number;
}

/** Σ over rows of the loss, in float64. */
export function totalLoss(loss: Loss, c: LossCase, yPred: Float32Array = c.yPred): number {
  const out = new Float64Array(c.rows);
  loss.forward(yPred, c.yTrue, c.rows, c.cols, c.labelCols, out);
  let sum = 0;
  for (const v of out) sum += v;
  return sum;
}

/** The loss of one row of predictions against one row of labels. */
export function rowLoss(loss: Loss, yPred: readonly number[], yTrue: readonly number[]): number {
  const c = { rows: 1, cols: yPred.length, labelCols: yTrue.length };
  const arrays = { yPred: Float32Array.from(yPred), yTrue: Float32Array.from(yTrue) };
  return totalLoss(loss, { ...c, ...arrays });
}

/** loss.backward equals the central-difference gradient of Σ_rows loss with respect to yPred. */
export function checkLossGradient(
  loss: Loss, c: LossCase, options: { step?: number; tolerance?: Tolerance } = {},
): void {
  const grad = new Float32Array(c.rows * c.cols);
  loss.backward(c.yPred, c.yTrue, c.rows, c.cols, c.labelCols, grad);
  const target = { name: `${loss.name} yPred`, values: c.yPred, analytic: grad };
  checkGradients(() => totalLoss(loss, c), [target], options);
}

/**
 * With yPred = activation(z): the fused gradient ∂loss/∂z equals central differences through
 * the activation, and equals the unfused chain rule activation.backward(loss.backward(yPred)).
 */
export function checkFusedGradient(
  loss: Loss, activationName: ActivationName, z: Float32Array, c: Omit<LossCase, 'yPred'>,
  options: { step?: number; tolerance?: Tolerance; chainTolerance?: Tolerance } = {},
): void {
  const activation = getActivation(activationName);
  const y = new Float32Array(z.length);
  const lossCase: LossCase = { ...c, yPred: y };
  activation.forward(z, y, c.rows, c.cols);
  const fused = new Float32Array(z.length);
  assert.ok(loss.fusedBackward, `${loss.name} has a fused backward`);
  const { yTrue, rows, cols, labelCols } = c;
  const didFuse = loss.fusedBackward(activationName, y, yTrue, rows, cols, labelCols, fused);
  assert.equal(didFuse, true, `${loss.name} fuses with ${activationName}`);

  const dLossDy = new Float32Array(z.length);
  loss.backward(y, c.yTrue, c.rows, c.cols, c.labelCols, dLossDy);
  const chain = new Float32Array(z.length);
  activation.backward(z, y, dLossDy, chain, c.rows, c.cols);
  const chainTolerance = options.chainTolerance ?? { rtol: 1e-4, atol: 1e-6 };
  const pair = `${activationName} + ${loss.name}`;
  assertAllClose(fused, chain, chainTolerance, `fused ${pair} vs chain rule`);

  const objective = () => {
    activation.forward(z, y, c.rows, c.cols);
    return totalLoss(loss, lossCase);
  };
  const target = { name: `${pair} pre-activation`, values: z, analytic: fused };
  checkGradients(objective, [target], options);
}
