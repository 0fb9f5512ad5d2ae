import type { ClassifierResults } from './evaluate-classifier.js';

/** One fold's scores on its test rows: accuracy, log loss, ROC-AUC (binary), F1... */
export type FoldMetrics = Readonly<Record<string, number | null>>;

/** A metric over the folds: mean and standard deviation (ddof 0, as the shared baselines). */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
}

/** The scores of a fold's test results, as the summary lists them. */
export function foldMetrics(results: ClassifierResults): FoldMetrics {
  if (results.task === 'binary') {
    const e = results.evaluation;
    return { accuracy: e.accuracy, rocAuc: e.rocAuc, logLoss: e.logLoss, f1: e.f1, precision: e.precision, recall: e.recall, brierScore: e.brierScore };
  }
  return { accuracy: results.accuracy, logLoss: results.loss, macroF1: results.report.macroAvg.f1 };
}

/**
 * The majority baseline of a fold, fitted on its training rows (train + validation): it predicts
 * their most frequent class for every test row, with their class shares as probabilities.
 */
export function majorityMetrics(trainLabels: ArrayLike<number>, testLabels: ArrayLike<number>, classes: number): FoldMetrics {
  const counts = new Float64Array(classes);
  for (let i = 0; i < trainLabels.length; i++) counts[trainLabels[i]]++;
  let majority = 0;
  for (let k = 1; k < classes; k++) if (counts[k] > counts[majority]) majority = k;
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < testLabels.length; i++) {
    if (testLabels[i] === majority) correct++;
    loss -= Math.log(Math.min(1 - Number.EPSILON, Math.max(Number.EPSILON, counts[testLabels[i]] / trainLabels.length)));
  }
  const accuracy = correct / testLabels.length;
  const logLoss = loss / testLabels.length;
  if (classes > 2) return { accuracy, logLoss, macroF1: macroF1OfConstant(testLabels, majority, classes) };
  // NOTE: a constant score ranks nothing (ROC-AUC 0.5); F1 of the positive class is 0 unless it is the majority.
  const positives = Array.from(testLabels).filter((label) => label === 1).length;
  const f1 = majority === 1 && positives > 0 ? (2 * positives) / (positives + testLabels.length) : 0;
  return { accuracy, rocAuc: 0.5, logLoss, f1 };
}

function macroF1OfConstant(labels: ArrayLike<number>, predicted: number, classes: number): number {
  const support = Array.from(labels).filter((label) => label === predicted).length;
  return support === 0 ? 0 : (2 * support) / (support + labels.length) / classes;
}

/** Mean ± sd of every metric over the folds (a metric null in some fold is left out there). */
export function summarize(folds: readonly FoldMetrics[]): Record<string, MeanSd> {
  const names = Object.keys(folds[0] ?? {});
  return Object.fromEntries(
    names.map((name) => {
      const values = folds.map((fold) => fold[name]).filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      return [name, { mean, sd }];
    }),
  );
}
