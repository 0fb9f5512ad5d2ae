import { DataError, show } from '../errors.js';
import type { ClassWeight } from '../model/class-weight.js';

/**
 * Class weights that make every class weigh the same in the loss, as scikit-learn's
 * `compute_class_weight('balanced')`: weight(k) = rows / (classes present × rows of class k).
 * Pass the result as fit's `classWeight`. Classes absent from `labels` get no entry.
 *
 *   balancedClassWeight([0, 0, 0, 1]) → { 0: 0.667, 1: 2 }
 */
export function balancedClassWeight(labels: ArrayLike<number>): ClassWeight {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0) {
      throw new DataError(
        'data/label-not-class-index',
        `balancedClassWeight: label ${i} is ${show(label)}, but labels must be class indices 0, 1, 2, ...`,
        { row: i },
      );
    }
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (labels.length === 0) {
    throw new DataError('data/no-rows', 'balancedClassWeight needs at least one label to count the classes; pass the training labels.');
  }
  const weights: Record<number, number> = {};
  for (const [label, count] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    weights[label] = labels.length / (counts.size * count);
  }
  return weights;
}
