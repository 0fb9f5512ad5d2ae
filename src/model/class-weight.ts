import { ConfigError, show } from '../errors.js';
import { argmaxRow } from '../metrics/accuracy.js';
import type { Tensor } from '../tensor/tensor.js';

/** Weight per class index, as Keras' class_weight: `{ 0: 1, 1: 5 }`. */
export type ClassWeight = Readonly<Record<number, number>>;

/**
 * Turns class weights into one weight per row, as Keras does: the class of a row is its label
 * (one column) or the argmax of its one-hot label.
 */
export function classWeightsToSampleWeights(classWeight: ClassWeight, y: Tensor, outputUnits: number): Float32Array {
  const weights = new Float32Array(y.rows);
  for (let i = 0; i < y.rows; i++) {
    const cls = y.cols === 1 ? Math.round(y.data[i]) : argmaxRow(y.data, i * y.cols, y.cols);
    const w = classWeight[cls];
    if (typeof w !== 'number' || !(w >= 0)) {
      throw new ConfigError(
        'config/class-weight',
        `classWeight has no non-negative weight for class ${cls} (row ${i}) but got ${show(w)}; ` +
          `give a weight for every class 0..${Math.max(outputUnits, 2) - 1}, e.g. { 0: 1, 1: 3 }.`,
      );
    }
    weights[i] = w;
  }
  return weights;
}
