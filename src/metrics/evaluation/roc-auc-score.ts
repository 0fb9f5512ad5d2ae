import { DataError } from '../../errors.js';
import { binaryLabels, type Numbers } from './inputs.js';
import type { ScoreResult } from './metric-warning.js';
import { rocCurve } from './roc-curve.js';

/** Trapezoidal area under y(x), x (n), y (n) → area (numpy.trapz). */
export function trapezoid(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/**
 * Exact area under the ROC curve (every distinct score a threshold; a tie between a positive
 * and a negative counts 1/2), weighted by sampleWeight. Like scikit-learn, it throws when yTrue
 * holds one class only, because the area is then undefined.
 */
export function rocAucScore(yTrue: Numbers, yScore: Numbers, options: { sampleWeight?: Numbers } = {}): ScoreResult {
  const labels = binaryLabels('rocAucScore', yTrue);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  if (positives === 0 || positives === labels.length) {
    throw new DataError(
      'data/one-class',
      `rocAucScore: yTrue holds only class ${positives === 0 ? 0 : 1} (${labels.length} samples); ` +
        'ROC AUC is undefined with one class. Evaluate on data that has both classes ' +
        '(a stratified split keeps both), or use binaryEvaluation, which reports null.',
    );
  }
  const curve = rocCurve(labels, yScore, { sampleWeight: options.sampleWeight });
  return { value: trapezoid(curve.fpr, curve.tpr), warnings: curve.warnings };
}
