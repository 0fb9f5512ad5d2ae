import { ConfigError, DataError, show } from '../errors.js';
import { Tensor, type LabelsLike } from '../tensor/tensor.js';
import { labelValues } from './label-values.js';

/**
 * One-hot encodes integer class labels, as Keras' `to_categorical`: labels (n) → (n, numClasses)
 * with a 1 in each row's class column. `numClasses` defaults to the largest label + 1.
 */
export function toCategorical(labels: LabelsLike, numClasses?: number): Tensor {
  const values = labelValues(labels, 'toCategorical');
  let largest = -1;
  for (let i = 0; i < values.length; i++) {
    const label = values[i];
    if (!Number.isInteger(label) || label < 0) {
      throw new DataError(
        'data/label-not-class-index',
        `toCategorical: label ${i} is ${show(label)}, but labels must be class indices 0, 1, 2, ...; ` +
          'map text or other values to indices first (readCsv does this for a CSV target).',
        { row: i },
      );
    }
    if (label > largest) largest = label;
  }
  const classes = numClasses ?? largest + 1;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new ConfigError('config/num-classes', `toCategorical: numClasses must be a positive integer but is ${show(numClasses)}.`);
  }
  if (largest >= classes) {
    const row = Array.prototype.findIndex.call(values, (label: number) => label >= classes);
    throw new DataError(
      'data/label-out-of-range',
      `toCategorical: label ${row} is ${values[row]}, outside 0..${classes - 1} for numClasses ${classes}; ` +
        `pass numClasses ${largest + 1} or more, or fix the label.`,
      { row },
    );
  }
  // labels (n) → one-hot (n, classes)
  const out = new Float32Array(values.length * classes);
  for (let i = 0; i < values.length; i++) out[i * classes + values[i]] = 1;
  return new Tensor(out, [values.length, classes]);
}
