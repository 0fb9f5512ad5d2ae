import type { DataWarning } from '../data/data-warning.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import type { MetricWarning } from '../metrics/index.js';
import type { ReportWarning } from '../report/report-data.js';
import type { ClassifierResults } from './evaluate-classifier.js';
import { uniqueWarnings } from './results-json.js';

/** One warning of a training run or an evaluation, for people: a code, a severity, a message. */
export type ClassifierWarning = ReportWarning;

export interface WarningSources {
  /** Two-class targets: which class is positive and why (shown as information). */
  readonly positiveClass?: string;
  /** Reading and preprocessing notes: a decimal comma, constant or identifier-like columns, unseen categories... */
  readonly data: readonly DataWarning[];
  /** The model doctor's warnings (model.diagnostics). */
  readonly diagnostics: readonly Diagnostic[];
  /** Conventions applied by the metrics and the threshold search. */
  readonly metrics: readonly MetricWarning[];
  /** Training ran every epoch without early stopping (epochs run). */
  readonly ranAllEpochs?: number;
  readonly results: ClassifierResults;
  /** How people pass the epochs option: 'epochs' (the library), '--epochs' (the command line). */
  readonly epochsOption?: string;
}

/** Every warning of a run or an evaluation, in one list (the terminal, --json and the report show it). */
export function classifierWarnings(sources: WarningSources): ClassifierWarning[] {
  const warnings: ClassifierWarning[] = [];
  if (sources.positiveClass !== undefined) {
    warnings.push({ code: 'data/positive-class', severity: 'info', message: sources.positiveClass });
  }
  for (const { code, severity, message } of sources.data) warnings.push({ code, severity, message });
  for (const diagnostic of sources.diagnostics) {
    warnings.push({ code: `doctor/${diagnostic.code}`, severity: diagnostic.severity, message: diagnostic.message });
  }
  if (sources.ranAllEpochs !== undefined) {
    warnings.push({
      code: 'training/no-early-stop',
      severity: 'info',
      message:
        `Training ran all ${sources.ranAllEpochs} epochs and early stopping never triggered, so the model may ` +
        `still improve with more ${sources.epochsOption ?? 'epochs'}.`,
    });
  }
  const { accuracy, baseline } =
    sources.results.task === 'binary'
      ? { accuracy: sources.results.evaluation.accuracy, baseline: sources.results.evaluation.baseline.accuracy }
      : { accuracy: sources.results.accuracy, baseline: sources.results.baselineAccuracy };
  // NOTE: on rows of one class (an evaluation of recall on positive rows) the baseline is 1.
  const oneClass = sources.results.task === 'binary'
    ? sources.results.evaluation.positives === 0 || sources.results.evaluation.negatives === 0
    : new Set(sources.results.labels).size < 2;
  if (accuracy <= baseline && !oneClass) {
    warnings.push({
      code: 'model/below-baseline',
      severity: 'warning',
      message:
        `Accuracy ${formatValue(accuracy)} is no better than always predicting the majority class ` +
        `(${formatValue(baseline)}): the model has not learned anything useful for accuracy.`,
    });
  }
  const metricWarnings = uniqueWarnings([
    ...sources.metrics,
    ...(sources.results.task === 'binary'
      ? [...sources.results.evaluation.warnings, ...sources.results.intervals.warnings]
      : sources.results.warnings),
  ]);
  for (const warning of metricWarnings) {
    warnings.push({
      code: `${warning.code === 'constraint-unmet' ? 'threshold' : 'metrics'}/${warning.code}`,
      severity: warning.code === 'constraint-unmet' ? 'warning' : 'info',
      message: `${warning.metric}: ${warning.message}`,
    });
  }
  return warnings;
}

/** A metric value in a message: four decimals. */
function formatValue(value: number): string {
  return value.toFixed(4);
}
