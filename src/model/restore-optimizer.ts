import { FormatError } from '../errors.js';
import type { SavedOptimizerState } from './model-document.js';
import { modelPort, type Model } from './model.js';

/** Puts saved optimizer state (moments, iteration count) back into a compiled model's optimizer. */
export function restoreOptimizer(model: Model, saved: SavedOptimizerState, floats: Float32Array, path: string): void {
  const optimizer = modelPort(model).prepare(model.inputFeatures, 'load').optimizer;
  const arrays = optimizer.state;
  const size = arrays.reduce((s, a) => s + a.length, 0);
  if (arrays.length !== saved.arrays || size !== floats.length) {
    throw new FormatError('format/invalid', `${path}: the optimizer state does not match this model's ${optimizer.name} optimizer.`, path);
  }
  let offset = 0;
  for (const a of arrays) {
    a.set(floats.subarray(offset, offset + a.length));
    offset += a.length;
  }
  optimizer.iterations = saved.iterations;
}
