import { ConfigError, NnkitError, ShapeError, show } from '../errors.js';
import type { ReportData } from './report-data.js';

const HOW_TO_FIX = 'The report draws what it is given: fix the code that fills ReportData.';

/**
 * Checks that a ReportData is complete and consistent before anything is drawn, so a mistake in
 * the caller is a clear error naming the field (e.g. `roc.tpr[3]`), never a blank or wrong chart.
 * Non-finite values are allowed only in the training history (a diverged run is worth showing).
 */
export function validateReportData(data: ReportData): void {
  if (data.task !== 'binary' && data.task !== 'multiclass') {
    throw new ConfigError('report/task', `ReportData.task is ${show(data.task)}; expected 'binary' or 'multiclass'.`);
  }
  const classes = data.confusion.classNames.length;
  const expected = data.task === 'binary' ? 'exactly 2' : 'at least 3';
  if (data.task === 'binary' ? classes !== 2 : classes < 3) {
    throw new ShapeError(
      'report/class-count',
      `A ${data.task} report needs ${expected} classes; confusion.classNames has ${classes}. ${HOW_TO_FIX}`,
    );
  }
  if (data.task === 'multiclass') {
    for (const field of ['roc', 'pr', 'thresholdSweep'] as const) {
      if (data[field] !== undefined) {
        throw new ConfigError(
          'report/binary-only',
          `ReportData.${field} applies to binary reports only; omit it for a multiclass report.`,
        );
      }
    }
  }
  checkSameLength('data.classCounts', data.data.classCounts, 'data.classNames', data.data.classNames);
  checkCounts('data.classCounts', data.data.classCounts);
  checkCounts('data', [data.data.rows, data.data.columns]);
  checkCounts('model', [data.model.totalParams, data.model.trainableParams, data.model.nonTrainableParams]);
  data.confusion.counts.forEach((row, index) => {
    checkSameLength(`confusion.counts[${index}]`, row, 'confusion.classNames', data.confusion.classNames);
    checkCounts(`confusion.counts[${index}]`, row);
  });
  checkSameLength('confusion.counts', data.confusion.counts, 'confusion.classNames', data.confusion.classNames);
  if (data.training !== undefined) checkTraining(data.training);
  checkMetrics(data);
  if (data.roc !== undefined) {
    const { fpr, tpr, thresholds, auc } = data.roc;
    checkSameLength('roc.tpr', tpr, 'roc.fpr', fpr);
    checkSameLength('roc.thresholds', thresholds, 'roc.fpr', fpr);
    checkProbabilities('roc.fpr', fpr);
    checkProbabilities('roc.tpr', tpr);
    checkProbabilities('roc.auc', [auc]);
    checkNotNaN('roc.thresholds', thresholds);
  }
  if (data.pr !== undefined) {
    const { precision, recall, thresholds, averagePrecision, prevalence } = data.pr;
    checkSameLength('pr.recall', recall, 'pr.precision', precision);
    if (thresholds.length !== precision.length && thresholds.length !== precision.length - 1) {
      throw new ShapeError(
        'report/length',
        `pr.thresholds has length ${thresholds.length}; expected ${precision.length} or ${precision.length - 1} ` +
          `(the length of pr.precision, or one less as scikit-learn returns). ${HOW_TO_FIX}`,
      );
    }
    checkProbabilities('pr.precision', precision);
    checkProbabilities('pr.recall', recall);
    checkProbabilities('pr', [averagePrecision, prevalence]);
    checkNotNaN('pr.thresholds', thresholds);
  }
  if (data.thresholdSweep !== undefined) {
    const { thresholds, precision, recall, f1, chosen } = data.thresholdSweep;
    for (const [name, values] of [['precision', precision], ['recall', recall], ['f1', f1]] as const) {
      checkSameLength(`thresholdSweep.${name}`, values, 'thresholdSweep.thresholds', thresholds);
      checkProbabilities(`thresholdSweep.${name}`, values);
    }
    checkProbabilities('thresholdSweep.thresholds', thresholds);
    checkProbabilities('thresholdSweep.chosen', [chosen]);
  }
  if (data.reliability !== undefined) checkReliability('reliability', data.reliability);
  if (data.calibration !== undefined) {
    for (const side of ['before', 'after'] as const) {
      const panel = data.calibration[side];
      checkReliability(`calibration.${side}.reliability`, panel.reliability);
      checkFinite(`calibration.${side}`, [panel.brier, panel.logLoss]);
    }
  }
  if (data.importance !== undefined) {
    const { baseline, columns } = data.importance;
    checkProbabilities('importance.baseline', [baseline]);
    columns.forEach((column, index) => checkFinite(`importance.columns[${index}] (${column.column})`, [column.mean, column.sd]));
  }
  if (data.scores !== undefined) {
    const { classNames, scores } = data.scores;
    checkSameLength('scores.scores', scores, 'scores.classNames', classNames);
    scores.forEach((values, index) => checkProbabilities(`scores.scores[${index}]`, Array.from(values)));
  }
  for (const [index, warning] of data.warnings.entries()) {
    if (!['error', 'warning', 'info'].includes(warning.severity)) {
      throw new ConfigError(
        'report/severity',
        `warnings[${index}].severity is ${show(warning.severity)}; expected 'error', 'warning' or 'info'.`,
      );
    }
  }
}

function checkTraining(training: NonNullable<ReportData['training']>): void {
  const lengths = Object.values(training.history).map((values) => values.length);
  const epochs = Math.max(0, ...lengths);
  for (const [key, values] of Object.entries(training.history)) {
    if (values.length !== epochs) {
      throw new ShapeError(
        'report/length',
        `training.history.${key} has ${values.length} values; expected one per epoch (${epochs}). ${HOW_TO_FIX}`,
      );
    }
  }
  for (const field of ['bestEpoch', 'stoppedEpoch'] as const) {
    const epoch = training[field];
    if (epoch !== undefined && !(Number.isInteger(epoch) && epoch >= 0 && epoch < epochs)) {
      throw new NnkitError(
        'value',
        'report/epoch',
        `training.${field} is ${show(epoch)}; expected a 0-based epoch index in [0, ${epochs - 1}]. ${HOW_TO_FIX}`,
      );
    }
  }
}

function checkMetrics(data: ReportData): void {
  checkProbabilities('metrics.baselineAccuracy', [data.metrics.baselineAccuracy]);
  const logistic = data.metrics.logisticBaseline;
  if (logistic !== undefined) {
    checkProbabilities('metrics.logisticBaseline', [logistic.accuracy, logistic.f1, ...(logistic.rocAuc === null ? [] : [logistic.rocAuc])]);
    checkFinite('metrics.logisticBaseline.logLoss', [logistic.logLoss]);
  }
  checkCounts('metrics.evaluatedRows', [data.metrics.evaluatedRows]);
  for (const row of data.metrics.rows) {
    checkFinite(`metrics row ${show(row.name)}`, [row.value, ...(row.ci ?? [])]);
    if (row.ci !== undefined && row.ci !== null && !(row.ci[0] <= row.ci[1])) {
      throw new NnkitError(
        'value',
        'report/interval',
        `The confidence interval of metric ${show(row.name)} is [${row.ci[0]}, ${row.ci[1]}]; ` +
          `expected [low, high] with low <= high. ${HOW_TO_FIX}`,
      );
    }
  }
}

function checkSameLength(name: string, values: ArrayLike<unknown>, otherName: string, other: ArrayLike<unknown>): void {
  if (values.length !== other.length) {
    throw new ShapeError(
      'report/length',
      `${name} has length ${values.length}; expected ${other.length}, the length of ${otherName}. ${HOW_TO_FIX}`,
    );
  }
}

function checkFinite(name: string, values: readonly number[]): void {
  const index = values.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
  if (index >= 0) {
    throw new NnkitError(
      'value',
      'report/non-finite',
      `${name} holds ${show(values[index])} at index ${index}; expected a finite number. ${HOW_TO_FIX}`,
    );
  }
}

/** Thresholds may be Infinity (scikit-learn's first ROC threshold), never NaN. */
function checkNotNaN(name: string, values: readonly number[]): void {
  const index = values.findIndex((value) => typeof value !== 'number' || Number.isNaN(value));
  if (index >= 0) {
    throw new NnkitError(
      'value',
      'report/nan',
      `${name} holds ${show(values[index])} at index ${index}; expected a number. ${HOW_TO_FIX}`,
    );
  }
}

function checkProbabilities(name: string, values: readonly number[]): void {
  checkFinite(name, values);
  const index = values.findIndex((value) => value < 0 || value > 1);
  if (index >= 0) {
    throw new NnkitError(
      'value',
      'report/range',
      `${name} holds ${show(values[index])} at index ${index}; expected a value in [0, 1]. ${HOW_TO_FIX}`,
    );
  }
}

function checkCounts(name: string, values: readonly number[]): void {
  const index = values.findIndex((value) => !(Number.isInteger(value) && value >= 0));
  if (index >= 0) {
    throw new NnkitError(
      'value',
      'report/count',
      `${name} holds ${show(values[index])} at index ${index}; expected a whole number >= 0. ${HOW_TO_FIX}`,
    );
  }
}

/** A reliability curve's bins: same lengths, probabilities, each fraction inside its interval. */
function checkReliability(name: string, curve: NonNullable<ReportData['reliability']>): void {
  const { meanPredicted, fractionPositive, count, intervalLower, intervalUpper, expectedCalibrationError } = curve;
  const perBin = { meanPredicted, fractionPositive, intervalLower, intervalUpper };
  const used = (values: readonly number[]) => values.filter((_, index) => count[index] > 0);
  for (const [field, values] of Object.entries(perBin)) {
    checkSameLength(`${name}.${field}`, values, `${name}.count`, count);
    checkProbabilities(`${name}.${field} (non-empty bins)`, used(values));
  }
  checkCounts(`${name}.count`, count);
  const outside = count.findIndex(
    (rows, index) => rows > 0 && !(intervalLower[index] <= fractionPositive[index] && fractionPositive[index] <= intervalUpper[index]),
  );
  if (outside >= 0) {
    throw new NnkitError(
      'value',
      'report/interval',
      `${name} bin ${outside} has fractionPositive ${fractionPositive[outside]} outside its interval ` +
        `[${intervalLower[outside]}, ${intervalUpper[outside]}]; expected lower <= fraction <= upper. ${HOW_TO_FIX}`,
    );
  }
  checkProbabilities(`${name}.expectedCalibrationError`, [expectedCalibrationError]);
}
