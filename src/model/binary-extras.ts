import { ConfigError, show } from '../errors.js';
import { bootstrapIntervals } from '../metrics/evaluation/bootstrap-intervals.js';
import { majorityBaseline } from '../metrics/evaluation/majority-baseline.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * What every binary evaluation adds beyond the compiled metrics: the majority-class baseline
 * accuracy (the accuracy paradox made visible) and, when asked, bootstrap confidence intervals
 * for accuracy, precision, recall, F1 and ROC AUC as `<name>_low` / `<name>_high`.
 */
export function binaryExtras(
  labels: Tensor, probabilities: () => Tensor, threshold: number,
  options: { confidence?: number; sampleWeight?: Float32Array; seed?: number; resamples?: number },
): Record<string, number> {
  const extras: Record<string, number> = {
    baseline_accuracy: majorityBaseline(labels.data, { sampleWeight: options.sampleWeight }).accuracy,
  };
  if (options.confidence === undefined) return extras;
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw new ConfigError('config/confidence', `evaluate: confidence should be between 0 and 1 (e.g. 0.95) but got ${show(options.confidence)}.`);
  }
  const intervals = bootstrapIntervals(labels.data, probabilities().data, {
    confidence: options.confidence, threshold, sampleWeight: options.sampleWeight,
    seed: options.seed, resamples: options.resamples,
  });
  for (const name of ['accuracy', 'precision', 'recall', 'f1', 'auc'] as const) {
    const interval = intervals[name];
    if (interval === null) continue;
    extras[`${name}_low`] = interval.lower;
    extras[`${name}_high`] = interval.upper;
  }
  return extras;
}
