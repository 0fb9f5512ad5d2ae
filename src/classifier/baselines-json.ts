import type { ClassifierResults } from './evaluate-classifier.js';
import { baselinesOf } from './logistic-baseline.js';

/**
 * The baselines beside binary results as plain JSON (`nnkit train --json`, `evaluate --json`):
 * `{ majority: { accuracy, predicts, rocAuc: 0.5 }, logistic: { accuracy, f1, rocAuc, logLoss, threshold } | null }`;
 * null for multi-class results (their majority accuracy is `baselineAccuracy`).
 */
export function baselinesJson(results: ClassifierResults, classNames: readonly string[], logistic?: ClassifierResults): Record<string, unknown> | null {
  const baselines = baselinesOf(results, classNames, logistic);
  if (baselines === undefined) return null;
  return {
    majority: { ...baselines.majority, rocAuc: 0.5 },
    logistic: baselines.logistic ?? null,
  };
}
