import type { Interval, MetricWarning } from '../metrics/index.js';
import type { ClassifierResults } from './evaluate-classifier.js';

/**
 * Results as plain JSON (numbers, strings, nested objects), as `nnkit train --json` prints them.
 * Binary results are at the model's threshold; intervals are percentile-bootstrap.
 */
export function resultsJson(results: ClassifierResults, classNames: readonly string[]): Record<string, unknown> {
  if (results.task === 'binary') {
    const e = results.evaluation;
    const i = results.intervals;
    const interval = (value: Interval | null) => (value === null ? null : { lower: value.lower, upper: value.upper });
    return {
      task: 'binary',
      rows: results.rows,
      positiveClass: classNames[1],
      threshold: e.threshold,
      loss: results.loss,
      accuracy: e.accuracy,
      baselineAccuracy: e.baseline.accuracy,
      // NOTE: null where the metric is 0/0 on these rows (recall on rows without a positive).
      precision: results.undefinedMetrics.includes('precision') ? null : e.precision,
      recall: results.undefinedMetrics.includes('recall') ? null : e.recall,
      specificity: e.specificity,
      f1: results.undefinedMetrics.includes('f1') ? null : e.f1,
      rocAuc: e.rocAuc,
      averagePrecision: e.averagePrecision,
      balancedAccuracy: e.balancedAccuracy,
      matthewsCorrcoef: e.matthewsCorrcoef,
      brierScore: e.brierScore,
      expectedCalibrationError: e.expectedCalibrationError,
      confidenceIntervals: {
        confidence: i.confidence,
        method: `percentile bootstrap, ${i.resamples} resamples, seed ${i.seed}`,
        accuracy: interval(i.accuracy),
        precision: interval(i.precision),
        recall: interval(i.recall),
        f1: interval(i.f1),
        rocAuc: interval(i.auc),
      },
      confusionMatrix: { classNames, counts: e.confusionMatrix },
      warnings: uniqueWarnings([...e.warnings, ...i.warnings]),
    };
  }
  const r = results.report;
  return {
    task: 'multiclass',
    rows: results.rows,
    loss: results.loss,
    accuracy: results.accuracy,
    baselineAccuracy: results.baselineAccuracy,
    macroAverage: { precision: r.macroAvg.precision, recall: r.macroAvg.recall, f1: r.macroAvg.f1 },
    weightedAverage: { precision: r.weightedAvg.precision, recall: r.weightedAvg.recall, f1: r.weightedAvg.f1 },
    perClass: r.rows.map((row) => ({ class: row.name, precision: row.precision, recall: row.recall, f1: row.f1, support: row.support })),
    expectedCalibrationError: results.expectedCalibrationError,
    confusionMatrix: { classNames, counts: results.confusionMatrix },
    warnings: uniqueWarnings(results.warnings),
  };
}

/** The headline numbers a saved classifier keeps of its test results (`nnkit summary` shows them). */
export function headlineMetrics(results: ClassifierResults): Record<string, number | null> {
  if (results.task === 'binary') {
    const e = results.evaluation;
    return {
      loss: results.loss,
      accuracy: e.accuracy,
      baselineAccuracy: e.baseline.accuracy,
      // NOTE: null where the metric is 0/0 on these rows (recall on rows without a positive).
      precision: results.undefinedMetrics.includes('precision') ? null : e.precision,
      recall: results.undefinedMetrics.includes('recall') ? null : e.recall,
      f1: e.f1,
      rocAuc: e.rocAuc,
      averagePrecision: e.averagePrecision,
    };
  }
  return {
    loss: results.loss,
    accuracy: results.accuracy,
    baselineAccuracy: results.baselineAccuracy,
    macroPrecision: results.report.macroAvg.precision,
    macroRecall: results.report.macroAvg.recall,
    macroF1: results.report.macroAvg.f1,
  };
}

/** Metric warnings without repeats (the evaluation and the bootstrap may both note one). */
export function uniqueWarnings(warnings: readonly MetricWarning[]): MetricWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.code}:${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
