import { DataError } from '../../errors.js';
import { classLabels, sampleWeights, type Numbers } from './inputs.js';

export interface MajorityBaseline {
  /** The most frequent class (by weight); the smallest label on ties. */
  readonly majorityClass: number;
  /** Accuracy of always predicting the majority class: the bar any model must clear. */
  readonly accuracy: number;
}

/**
 * The accuracy of a model that always predicts the most frequent class. Next to a model's
 * accuracy it shows the accuracy paradox: 95% accuracy is nothing on 95%-negative data.
 */
export function majorityBaseline(yTrue: Numbers, options: { sampleWeight?: Numbers } = {}): MajorityBaseline {
  const fn = 'majorityBaseline';
  const labels = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const totals = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? weights[i] : 1;
    totals.set(labels[i], (totals.get(labels[i]) ?? 0) + w);
    total += w;
  }
  if (total === 0) throw new DataError('data/zero-weight', `${fn}: every sample weight is 0; give some samples weight.`);
  let majorityClass = -1;
  let best = -1;
  for (const label of [...totals.keys()].sort((a, b) => a - b)) {
    const weight = totals.get(label) ?? 0;
    if (weight > best) {
      best = weight;
      majorityClass = label;
    }
  }
  return { majorityClass, accuracy: best / total };
}
