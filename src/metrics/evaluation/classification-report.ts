import { ConfigError, show } from '../../errors.js';
import { uniqueLabels } from './confusion-matrix.js';
import { classLabels, type Numbers } from './inputs.js';
import type { MetricWarning } from './metric-warning.js';
import { precisionRecallFscoreSupport } from './precision-recall-fscore-support.js';
import { averagedScore } from './prf-scores.js';

export interface ReportRow {
  readonly label: number;
  readonly name: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ReportAverage {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ClassificationReport {
  readonly rows: ReportRow[];
  /** Accuracy when the report covers every class (micro averages then equal accuracy). */
  readonly accuracy?: number;
  /** Micro average, shown instead of accuracy when `labels` leaves classes out. */
  readonly microAvg?: ReportAverage;
  readonly macroAvg: ReportAverage;
  readonly weightedAvg: ReportAverage;
  /** The familiar fixed-width table. */
  readonly text: string;
  readonly warnings: readonly MetricWarning[];
}

export interface ClassificationReportOptions {
  readonly labels?: readonly number[];
  /** Display names, one per label. */
  readonly targetNames?: readonly string[];
  /** Decimal places in the text table (default 2). */
  readonly digits?: number;
  readonly sampleWeight?: Numbers;
}

/** Per-class precision, recall, F1 and support, with averages, as data and as a text table. */
export function classificationReport(yTrue: Numbers, yPred: Numbers, options: ClassificationReportOptions = {}): ClassificationReport {
  const fn = 'classificationReport';
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new ConfigError('config/digits', `${fn}: digits must be an integer from 0 to 15 but got ${show(digits)}.`);
  }
  const actual = classLabels(fn, 'yTrue', yTrue, yTrue.length);
  const predicted = classLabels(fn, 'yPred', yPred, actual.length);
  const present = uniqueLabels(actual, predicted);
  const labels = options.labels ? [...options.labels] : present;
  const names = options.targetNames ? [...options.targetNames] : labels.map(String);
  if (names.length !== labels.length) {
    throw new ConfigError(
      'config/target-names',
      `${fn}: ${names.length} targetNames for ${labels.length} labels; give one name per label, in label order.`,
    );
  }
  const common = { labels, sampleWeight: options.sampleWeight };
  const perClass = precisionRecallFscoreSupport(yTrue, yPred, common);
  const rows = labels.map((label, k) => ({
    label,
    name: names[k],
    precision: perClass.precision[k],
    recall: perClass.recall[k],
    f1: perClass.fScore[k],
    support: perClass.support[k],
  }));
  const support = perClass.support.reduce((a, b) => a + b, 0);
  const averaged = (average: 'micro' | 'macro' | 'weighted'): ReportAverage => ({
    precision: averagedScore(fn, 'precision', yTrue, yPred, { ...common, average }).value,
    recall: averagedScore(fn, 'recall', yTrue, yPred, { ...common, average }).value,
    f1: averagedScore(fn, 'f-score', yTrue, yPred, { ...common, average }).value,
    support,
  });
  // NOTE: with every class covered, micro precision = recall = F1 = accuracy, so the table
  // shows one accuracy line instead (scikit-learn's layout).
  const coversAll = present.every((label) => labels.includes(label));
  const micro = averaged('micro');
  const report = {
    rows,
    ...(coversAll ? { accuracy: micro.f1 } : { microAvg: micro }),
    macroAvg: averaged('macro'),
    weightedAvg: averaged('weighted'),
    warnings: perClass.warnings,
  };
  return { ...report, text: formatReport(report, digits) };
}

function formatReport(report: Omit<ClassificationReport, 'text' | 'warnings'>, digits: number): string {
  const width = Math.max('weighted avg'.length, digits, ...report.rows.map((row) => row.name.length));
  const cell = (value: number) => value.toFixed(digits).padStart(9);
  const count = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(digits)).padStart(9);
  const line = (name: string, values: ReportAverage | ReportRow) =>
    `${name.padStart(width)}  ${cell(values.precision)} ${cell(values.recall)} ${cell(values.f1)} ${count(values.support)}\n`;
  let text = `${''.padStart(width)}  ${['precision', 'recall', 'f1-score', 'support'].map((h) => h.padStart(9)).join(' ')}\n\n`;
  for (const row of report.rows) text += line(row.name, row);
  text += '\n';
  if (report.accuracy !== undefined) {
    text += `${'accuracy'.padStart(width)}  ${''.padStart(9)} ${''.padStart(9)} ${cell(report.accuracy)} ${count(report.macroAvg.support)}\n`;
  } else if (report.microAvg) {
    text += line('micro avg', report.microAvg);
  }
  text += line('macro avg', report.macroAvg);
  text += line('weighted avg', report.weightedAvg);
  return text;
}
