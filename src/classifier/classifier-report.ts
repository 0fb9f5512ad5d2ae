import { StateError } from '../errors.js';
import type { ReportData } from '../report/report-data.js';
import type { ImportanceData } from '../report/report-data.js';
import { buildReportData } from './build-report-data.js';
import { evaluatedCalibration, trainingCalibration } from './calibration-report.js';
import type { Classifier } from './classifier.js';
import type { ClassifierEvaluation } from './evaluate-table.js';
import type { ClassifierResults } from './evaluate-classifier.js';
import type { TrainingTable } from './training-plan.js';

const ROWS = { test: 'test rows', 'out-of-fold': 'out-of-fold rows', validation: 'validation rows' } as const;

/**
 * The HTML report's data for a classifier's training run: its test results, history and warnings,
 * and the logistic-regression baseline's results on the same rows when given (logisticBaseline).
 */
export function trainingReport(classifier: Classifier, options: { readonly title: string; readonly logistic?: ClassifierResults }): ReportData {
  const run = classifier.trainingRun;
  if (run === undefined) {
    throw new StateError(
      'state/no-training-run',
      'trainingReport needs a classifier trainClassifier has just trained (a loaded one keeps no test rows); use evaluationReport for a loaded one.',
    );
  }
  const { pipeline, model, classNames } = classifier;
  return buildReportData({
    title: options.title,
    createdAt: pipeline.createdAt,
    data: {
      file: pipeline.data.file ?? 'the training table',
      rows: pipeline.data.rows,
      columns: pipeline.data.columns,
      target: pipeline.target,
      classNames,
      classCounts: pipeline.data.classCounts,
      featureNames: pipeline.data.featureColumns,
      split: { train: pipeline.split.train, validation: pipeline.split.validation, test: pipeline.split.test },
    },
    model,
    lossName: run.loss,
    training: {
      history: pipeline.training.history,
      bestEpoch: run.bestEpoch,
      ...(run.stoppedEpoch === undefined ? {} : { stoppedEpoch: run.stoppedEpoch }),
      monitor: pipeline.training.monitor,
    },
    results: run.test,
    classNames,
    thresholdRule: pipeline.threshold?.rule,
    warnings: run.warnings,
    ...(run.calibration === undefined ? {} : { calibration: trainingCalibration(run.calibration, `the ${run.test.rows} ${ROWS[run.resultsOn]}`) }),
    ...(options.logistic === undefined ? {} : { logistic: options.logistic }),
  });
}

/** The HTML report's data for an evaluation on a labelled table (`classifier.evaluate(table)`). */
export function evaluationReport(
  classifier: Classifier,
  evaluation: ClassifierEvaluation,
  options: { readonly title: string; readonly table: TrainingTable; readonly importance?: ImportanceData },
): ReportData {
  const { table } = options;
  const calibration = classifier.pipeline.calibration;
  const results = evaluation.results;
  // NOTE: the model's own probabilities of the rows evaluated, which the saved calibration mapped.
  const raw = () => classifier.model.predictProbabilities(classifier.transform(table, { extraColumns: 'ignore' }).x, { verbose: 0 });
  return buildReportData({
    title: options.title,
    createdAt: new Date().toISOString(),
    data: {
      file: table.file ?? 'the evaluated table',
      rows: table.rows,
      columns: table.header.length,
      target: table.target?.name ?? classifier.target,
      classNames: classifier.classNames,
      classCounts: evaluation.classCounts,
      featureNames: table.features.columns.map((column) => column.name),
    },
    model: classifier.model,
    lossName: classifier.model.loss?.name ?? 'unknown',
    results: evaluation.results,
    classNames: classifier.classNames,
    thresholdRule: classifier.pipeline.threshold?.rule,
    warnings: evaluation.warnings,
    evaluatedOn: {
      file: table.file ?? 'the evaluated table',
      ...(evaluation.trainingRows === undefined ? {} : { trainingRows: evaluation.trainingRows }),
    },
    ...(calibration === undefined
      ? {}
      : { calibration: evaluatedCalibration(calibration, raw().data, results.labels, results.task === 'binary' ? 1 : results.probabilities.cols, `the ${results.rows} evaluated rows`) }),
    ...(options.importance === undefined ? {} : { importance: options.importance }),
  });
}
