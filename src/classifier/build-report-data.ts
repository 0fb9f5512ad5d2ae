import type { Model } from '../model/model.js';
import { binaryChartData } from '../report/binary-chart-data.js';
import type {
  CalibrationComparison,
  DataSummary,
  ImportanceData,
  MetricRow,
  MetricsTable,
  ReportData,
  ReportWarning,
  TrainingHistory,
} from '../report/report-data.js';
import { CONFIDENCE, type BinaryResults, type ClassifierResults } from './evaluate-classifier.js';
import { modelSummary } from './model-card.js';

export interface ReportInputs {
  readonly title: string;
  readonly createdAt?: string;
  readonly data: DataSummary;
  readonly model: Model;
  readonly lossName: string;
  readonly training?: TrainingHistory;
  readonly results: ClassifierResults;
  readonly classNames: readonly string[];
  /** How the binary threshold was chosen, e.g. 'max F1 on the validation rows'. */
  readonly thresholdRule?: string;
  readonly warnings: readonly ReportWarning[];
  /** For an evaluation: the file evaluated and how many of its rows were training rows. */
  readonly evaluatedOn?: MetricsTable['evaluatedOn'];
  /** A calibrated classifier: its results' rows before and after the calibration. */
  readonly calibration?: CalibrationComparison;
  /** Permutation importance of the input columns, when computed (nnkit explain --report). */
  readonly importance?: ImportanceData;
  /** Binary: the logistic-regression baseline's results on the same rows (logisticBaseline). */
  readonly logistic?: ClassifierResults;
}

/** Fills the report's ReportData from a run's results: no metric is computed here, only arranged. */
export function buildReportData(inputs: ReportInputs): ReportData {
  const { results, classNames } = inputs;
  const common = {
    title: inputs.title,
    ...(inputs.createdAt === undefined ? {} : { createdAt: inputs.createdAt }),
    data: inputs.data,
    model: modelSummary(inputs.model, inputs.lossName),
    ...(inputs.training === undefined ? {} : { training: inputs.training }),
    warnings: inputs.warnings,
    ...(inputs.calibration === undefined ? {} : { calibration: inputs.calibration }),
    ...(inputs.importance === undefined ? {} : { importance: inputs.importance }),
  };
  const on = inputs.evaluatedOn === undefined ? {} : { evaluatedOn: inputs.evaluatedOn };
  if (results.task === 'binary') {
    const sections = binarySections(results, classNames, inputs.thresholdRule);
    const logistic = inputs.logistic?.task === 'binary' ? { logisticBaseline: logisticRow(inputs.logistic) } : {};
    return { ...common, ...sections, metrics: { ...sections.metrics, ...on, ...logistic } };
  }
  const r = results.report;
  const own = (row: number) => results.probabilities.data[row * results.probabilities.cols + results.labels[row]];
  return {
    ...common,
    task: 'multiclass',
    metrics: {
      rows: [
        { name: 'loss', value: results.loss },
        { name: 'accuracy', value: results.accuracy },
        { name: 'macro precision', value: r.macroAvg.precision },
        { name: 'macro recall', value: r.macroAvg.recall },
        { name: 'macro F1', value: r.macroAvg.f1 },
      ],
      baselineAccuracy: results.baselineAccuracy,
      evaluatedRows: results.rows,
      ...on,
    },
    confusion: { classNames, counts: results.confusionMatrix },
    reliability: {
      meanPredicted: results.reliability.map((bin) => bin.meanPredicted),
      fractionPositive: results.reliability.map((bin) => bin.fractionPositive),
      count: results.reliability.map((bin) => bin.count),
      intervalLower: results.reliability.map((bin) => bin.interval.lower),
      intervalUpper: results.reliability.map((bin) => bin.interval.upper),
      expectedCalibrationError: results.expectedCalibrationError,
    },
    scores: { classNames, scores: classNames.map((_, k) => rowsOf(results.labels, k).map(own)) },
  };
}

function logisticRow(results: BinaryResults): NonNullable<MetricsTable['logisticBaseline']> {
  const e = results.evaluation;
  return { accuracy: e.accuracy, f1: e.f1, rocAuc: e.rocAuc, logLoss: results.loss };
}

function binarySections(results: BinaryResults, classNames: readonly string[], rule: string | undefined): Omit<ReportData, 'title' | 'data' | 'model' | 'warnings'> {
  const e = results.evaluation;
  const i = results.intervals;
  const ci = (interval: { lower: number; upper: number } | null) => ({ ci: interval === null ? null : [interval.lower, interval.upper] as const });
  const rows: MetricRow[] = [
    { name: 'loss', value: results.loss },
    { name: 'accuracy', value: e.accuracy, ...ci(i.accuracy) },
    // NOTE: a metric that is 0/0 on these rows is left out, as ROC-AUC is on one class.
    ...([['precision', e.precision, i.precision], ['recall', e.recall, i.recall], ['f1', e.f1, i.f1]] as const)
      .filter(([name]) => !results.undefinedMetrics.includes(name))
      .map(([name, value, interval]) => ({ name: name === 'f1' ? 'F1' : name, value, ...ci(interval) })),
    ...(e.rocAuc === null ? [] : [{ name: 'ROC-AUC', value: e.rocAuc, ...ci(i.auc) }]),
    { name: 'average precision', value: e.averagePrecision },
  ];
  return {
    metrics: {
      rows,
      baselineAccuracy: e.baseline.accuracy,
      evaluatedRows: results.rows,
      confidenceLevel: CONFIDENCE,
      ciMethod: `percentile bootstrap, ${i.resamples} resamples, seed ${i.seed}`,
    },
    ...binaryChartData(results.labels, results.scores, e, classNames, rule),
  };
}

function rowsOf(labels: Int32Array, k: number): number[] {
  const rows: number[] = [];
  labels.forEach((label, row) => {
    if (label === k) rows.push(row);
  });
  return rows;
}
