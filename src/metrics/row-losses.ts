/**
 * Per-row losses for the loss-valued metrics, as Keras 3 defines them (probabilities clipped
 * to [1e-7, 1 - 1e-7]; logits through a numerically stable form). Each reads one row of a
 * row-major batch: labels at yTrue[i·labelCols ...], outputs at yPred[i·predCols ...].
 */
export const CLIP_EPSILON = 1e-7;

function clip(p: number): number {
  return Math.min(Math.max(p, CLIP_EPSILON), 1 - CLIP_EPSILON);
}

export interface RowLossInput {
  readonly yTrue: Float32Array;
  readonly yPred: Float32Array;
  readonly labelCols: number;
  readonly predCols: number;
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
}

/** Mean over the row's outputs of the binary cross-entropy. */
export function binaryCrossentropyRow(input: RowLossInput, i: number): number {
  const { yTrue, yPred, predCols, fromLogits, labelSmoothing } = input;
  let sum = 0;
  for (let j = 0; j < predCols; j++) {
    const y = yTrue[i * input.labelCols + j] * (1 - labelSmoothing) + 0.5 * labelSmoothing;
    const x = yPred[i * predCols + j];
    if (fromLogits) {
      // NOTE: max(x, 0) - x·y + log(1 + e^-|x|) never overflows, whatever the logit.
      sum += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
    } else {
      const p = clip(x);
      sum += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }
  }
  return sum / predCols;
}

/** Categorical cross-entropy of the row against a one-hot label row, or a class index (sparse). */
export function categoricalCrossentropyRow(input: RowLossInput, i: number, sparse: boolean): number {
  const { yTrue, yPred, predCols, fromLogits, labelSmoothing } = input;
  const offset = i * predCols;
  const label = (k: number): number => {
    const hard = sparse ? (Math.round(yTrue[i]) === k ? 1 : 0) : yTrue[i * input.labelCols + k];
    return hard * (1 - labelSmoothing) + labelSmoothing / predCols;
  };
  let loss = 0;
  if (fromLogits) {
    let max = -Infinity;
    for (let k = 0; k < predCols; k++) max = Math.max(max, yPred[offset + k]);
    let sumExp = 0;
    for (let k = 0; k < predCols; k++) sumExp += Math.exp(yPred[offset + k] - max);
    const logSumExp = max + Math.log(sumExp);
    for (let k = 0; k < predCols; k++) loss -= label(k) * (yPred[offset + k] - logSumExp);
    return loss;
  }
  // NOTE: Keras renormalises the row to sum 1 before clipping.
  let total = 0;
  for (let k = 0; k < predCols; k++) total += yPred[offset + k];
  for (let k = 0; k < predCols; k++) {
    const y = label(k);
    if (y !== 0) loss -= y * Math.log(clip(yPred[offset + k] / total));
  }
  return loss;
}

/** Mean over the row of the squared error. */
export function meanSquaredErrorRow(input: RowLossInput, i: number): number {
  let sum = 0;
  for (let j = 0; j < input.predCols; j++) {
    const d = input.yTrue[i * input.labelCols + j] - input.yPred[i * input.predCols + j];
    sum += d * d;
  }
  return sum / input.predCols;
}
