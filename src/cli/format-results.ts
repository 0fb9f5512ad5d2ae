import type { ClassifierWarning } from '../classifier/classifier-warnings.js';
import type { ClassifierResults } from '../classifier/evaluate-classifier.js';
import { baselinesOf } from '../classifier/logistic-baseline.js';
import type { Interval } from '../metrics/index.js';

/** A metric value as printed: four decimals, or "n/a" when undefined. */
export function formatValue(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(4);
}

/**
 * The results table people read after `train` and `evaluate`: loss, accuracy beside the
 * majority baseline, precision, recall, F1 and ROC-AUC with their confidence intervals (binary)
 * or the per-class table (multi-class), then the baselines on the same rows (binary: the
 * majority class and, when given, the logistic regression's results), then the confusion matrix.
 */
export function formatResults(results: ClassifierResults, classNames: readonly string[], heading: string, logistic?: ClassifierResults): string[] {
  if (results.task === 'binary') {
    const e = results.evaluation;
    const i = results.intervals;
    const level = `${Math.round(i.confidence * 100)}% CI`;
    // NOTE: a metric that is 0/0 on these rows prints n/a (not the conventional 0), and an
    // interval the bootstrap cannot give (degenerate resamples) prints as undefined, not a point.
    const value = (name: 'precision' | 'recall' | 'f1', v: number) => (results.undefinedMetrics.includes(name) ? null : v);
    const ci = (v: number | null, interval: Interval | null) =>
      (v === null ? '' : interval === null ? 'undefined' : `[${formatValue(interval.lower)}, ${formatValue(interval.upper)}]`);
    const precision = value('precision', e.precision);
    const recall = value('recall', e.recall);
    const f1 = value('f1', e.f1);
    const table = [
      ['metric', 'value', level, ''],
      ['loss', formatValue(results.loss), '', ''],
      ['accuracy', formatValue(e.accuracy), ci(e.accuracy, i.accuracy), `majority baseline ${formatValue(e.baseline.accuracy)}`],
      ['precision', formatValue(precision), ci(precision, i.precision), ''],
      ['recall', formatValue(recall), ci(recall, i.recall), ''],
      ['F1', formatValue(f1), ci(f1, i.f1), ''],
      ['ROC-AUC', formatValue(e.rocAuc), ci(e.rocAuc, i.auc), ''],
    ];
    return [
      `${heading} (${results.rows} rows, positive class ${JSON.stringify(classNames[1])}, threshold ${formatValue(e.threshold)}):`,
      ...alignColumns(table).map((line) => `  ${line}`),
      `  (${level}: percentile bootstrap, ${i.resamples} resamples, seed ${i.seed})`,
      '',
      ...baselineLines(results, classNames, logistic),
      `Confusion matrix at threshold ${formatValue(e.threshold)} (rows: actual, columns: predicted):`,
      ...formatConfusion(e.confusionMatrix, classNames),
    ];
  }
  const table = [
    ['metric', 'value', ''],
    ['loss', formatValue(results.loss), ''],
    ['accuracy', formatValue(results.accuracy), `majority baseline ${formatValue(results.baselineAccuracy)}`],
    ['macro precision', formatValue(results.report.macroAvg.precision), ''],
    ['macro recall', formatValue(results.report.macroAvg.recall), ''],
    ['macro F1', formatValue(results.report.macroAvg.f1), ''],
  ];
  return [
    `${heading} (${results.rows} rows, ${classNames.length} classes, predicted class = most probable):`,
    ...alignColumns(table).map((line) => `  ${line}`),
    '',
    ...results.report.text.trimEnd().split('\n').map((line) => (line === '' ? '' : `  ${line}`)),
    '',
    'Confusion matrix (rows: actual, columns: predicted):',
    ...formatConfusion(results.confusionMatrix, classNames),
  ];
}

/**
 * Baselines on the same rows, in the results' columns: the majority class, and the logistic
 * regression (`--hidden none`, trained the same way) when there is one.
 */
export function baselineLines(results: ClassifierResults, classNames: readonly string[], logistic?: ClassifierResults): string[] {
  const baselines = baselinesOf(results, classNames, logistic);
  if (baselines === undefined || results.task !== 'binary') return [];
  const e = results.evaluation;
  const row = (name: string, figures: { loss: number | null; accuracy: number; f1: number | null; rocAuc: number | null }) =>
    [name, formatValue(figures.loss), formatValue(figures.accuracy), formatValue(figures.f1), formatValue(figures.rocAuc)];
  const majority = baselines.majority;
  const majorityF1 = majority.predicts === classNames[1] ? (2 * e.baseline.accuracy) / (1 + e.baseline.accuracy) : 0;
  const l = baselines.logistic;
  const table = [
    ['', 'loss', 'accuracy', 'F1', 'ROC-AUC'],
    row('this model', { loss: results.loss, accuracy: e.accuracy, f1: results.undefinedMetrics.includes('f1') ? null : e.f1, rocAuc: e.rocAuc }),
    row(`majority (always ${JSON.stringify(majority.predicts)})`, { loss: null, accuracy: majority.accuracy, f1: majorityF1, rocAuc: 0.5 }),
    ...(l === undefined ? [] : [row(`logistic regression (threshold ${formatValue(l.threshold)})`, { loss: l.logLoss, ...l })]),
  ];
  return [
    `Baselines on the same ${results.rows} rows${l === undefined ? '' : ' (the logistic regression: this pipeline with --hidden none, trained the same way)'}:`,
    ...alignColumns(table, true).map((line) => `  ${line}`),
    '',
  ];
}

/** A K × K confusion matrix as aligned text with the class names on both axes. */
export function formatConfusion(counts: readonly (readonly number[])[], classNames: readonly string[]): string[] {
  const header = ['', ...classNames.map((name) => `predicted ${name}`)];
  const rows = counts.map((row, k) => [`actual ${classNames[k]}`, ...row.map((count) => String(count))]);
  return alignColumns([header, ...rows], true).map((line) => `  ${line}`);
}

/** Pads cells into columns; `rightAlign` right-aligns every column but the first. */
export function alignColumns(rows: readonly (readonly string[])[], rightAlign = false): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (rightAlign && c > 0 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('   ')
      .trimEnd(),
  );
}

/**
 * Warnings as terminal lines, '  warning  message', under "Warnings:"; information (the positive
 * class, a decimal comma read, a run that used every epoch) under "Notes:", so a clean run shows
 * no "Warnings" heading at all.
 */
export function formatWarnings(warnings: readonly ClassifierWarning[]): string[] {
  const line = (warning: ClassifierWarning) => `  ${warning.severity.padEnd(7)}  ${warning.message}`;
  const serious = warnings.filter((warning) => warning.severity !== 'info');
  const notes = warnings.filter((warning) => warning.severity === 'info');
  return [
    ...(serious.length === 0 ? [] : ['', 'Warnings:', ...serious.map(line)]),
    ...(notes.length === 0 ? [] : ['', 'Notes:', ...notes.map(line)]),
  ];
}
