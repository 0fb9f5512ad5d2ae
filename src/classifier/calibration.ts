import { ConfigError, show } from '../errors.js';
import {
  applyTemperature,
  brierScore,
  expectedCalibrationError,
  isotonicPredict,
  isotonicRegression,
  logLoss,
  multiclassLogLoss,
  plattPredict,
  plattScaling,
  reliabilityCurve,
  temperatureScaling,
  type ReliabilityBin,
} from '../metrics/index.js';

/** How a classifier's probabilities are calibrated: `--calibrate` / the `calibrate` option. */
export type CalibrationMethod = 'temperature' | 'sigmoid' | 'isotonic';

export const CALIBRATION_METHODS: readonly CalibrationMethod[] = ['temperature', 'sigmoid', 'isotonic'];

/**
 * A fitted calibration map from the model's probabilities to calibrated ones: temperature
 * (σ(logit p / T), or softmax(log p / T) per row for more classes), sigmoid (Platt:
 * 1 / (1 + exp(a·p + b)), as scikit-learn's CalibratedClassifierCV on predict_proba) or
 * isotonic (linear between the points, clipped at the ends). Sigmoid and isotonic are two-class.
 */
export type CalibrationMap =
  | { readonly method: 'temperature'; readonly temperature: number }
  | { readonly method: 'sigmoid'; readonly a: number; readonly b: number }
  | { readonly method: 'isotonic'; readonly x: readonly number[]; readonly y: readonly number[] };

/** How well probabilities match the outcomes: the lower, the better calibrated. */
export interface CalibrationQuality {
  /** Expected calibration error (binary: of the positive class; else of the top class), 10 bins. */
  readonly ece: number;
  /** Binary: mean squared error of the probability; else summed over the classes, averaged over rows. */
  readonly brier: number;
  readonly logLoss: number;
  readonly reliability: readonly ReliabilityBin[];
}

/** Checks a calibrate option: undefined (none) or one of the methods. */
export function calibrationMethod(value: unknown, option: string, classes: number): CalibrationMethod | undefined {
  if (value === undefined) return undefined;
  if (!CALIBRATION_METHODS.includes(value as CalibrationMethod)) {
    throw new ConfigError('config/calibrate', `${option} must be one of ${CALIBRATION_METHODS.join(', ')}, but is ${show(value)}.`);
  }
  if (classes > 2 && value !== 'temperature') {
    throw new ConfigError(
      'config/calibrate-multiclass',
      `${option} ${show(value)} calibrates two-class models, but this target has ${classes} classes; ` +
        'use "temperature", which scales every class\'s logit by one temperature.',
    );
  }
  return value as CalibrationMethod;
}

/** Fits the map on held-out probabilities (rows × columns: 1 for binary) and class-index labels. */
export function fitCalibration(method: CalibrationMethod, probabilities: ArrayLike<number>, labels: ArrayLike<number>, columns: number): CalibrationMap {
  if (method === 'temperature') return { method, temperature: temperatureScaling(probabilities, labels, columns) };
  const binary = Float64Array.from(labels, (label) => (label > 0 ? 1 : 0));
  if (method === 'sigmoid') return { method, ...plattScaling(probabilities, binary) };
  const fit = isotonicRegression(probabilities, binary);
  return { method, x: Array.from(fit.x), y: Array.from(fit.y) };
}

/** Calibrated probabilities (rows × columns), float32 as the model's own. */
export function applyCalibration(map: CalibrationMap, probabilities: ArrayLike<number>, columns: number): Float32Array {
  switch (map.method) {
    case 'temperature':
      return Float32Array.from(applyTemperature(probabilities, columns, map.temperature));
    case 'sigmoid':
      return Float32Array.from(plattPredict(map, probabilities));
    case 'isotonic':
      return Float32Array.from(isotonicPredict({ x: Float64Array.from(map.x), y: Float64Array.from(map.y) }, probabilities));
  }
}

/** ECE, Brier score, log loss and the reliability curve of probabilities (rows × columns) against labels. */
export function calibrationQuality(probabilities: ArrayLike<number>, labels: ArrayLike<number>, columns: number): CalibrationQuality {
  if (columns === 1) {
    return {
      ece: expectedCalibrationError(labels, probabilities).value,
      brier: brierScore(labels, probabilities).value,
      logLoss: logLoss(labels, probabilities).value,
      reliability: reliabilityCurve(labels, probabilities),
    };
  }
  const rows = labels.length;
  const correct = new Float64Array(rows);
  const confidence = new Float64Array(rows);
  const perRow: Float64Array[] = [];
  let brier = 0;
  for (let i = 0; i < rows; i++) {
    const row = Float64Array.from({ length: columns }, (_, k) => probabilities[i * columns + k]);
    perRow.push(row);
    let top = 0;
    for (let k = 0; k < columns; k++) {
      if (row[k] > row[top]) top = k;
      brier += (row[k] - (k === labels[i] ? 1 : 0)) ** 2;
    }
    correct[i] = top === labels[i] ? 1 : 0;
    confidence[i] = row[top];
  }
  return {
    ece: expectedCalibrationError(correct, confidence).value,
    brier: brier / rows,
    logLoss: multiclassLogLoss(labels, perRow).value,
    reliability: reliabilityCurve(correct, confidence),
  };
}

/** The map in words: 'temperature 1.37', 'sigmoid (a −7.2, b 3.6)', 'isotonic (12 points)'. */
export function describeCalibration(map: CalibrationMap): string {
  switch (map.method) {
    case 'temperature':
      return `temperature ${map.temperature.toPrecision(4)}`;
    case 'sigmoid':
      return `sigmoid (a ${map.a.toPrecision(4)}, b ${map.b.toPrecision(4)})`;
    case 'isotonic':
      return `isotonic (${map.x.length} points)`;
  }
}

/** Where a calibration's rows came from. */
export type CalibrationRows = 'validation' | 'out-of-fold' | 'held-out';

/** '114 validation rows', '455 out-of-fold predictions', '200 held-out rows'. */
export function describeFittedOn(calibration: { readonly fittedOn: CalibrationRows; readonly rows: number }): string {
  const what = { validation: 'validation rows', 'out-of-fold': 'out-of-fold predictions', 'held-out': 'held-out rows' }[calibration.fittedOn];
  return `${calibration.rows} ${what}`;
}

/** The calibration saved with a classifier: the map, and how it did on the rows it was fitted on. */
export interface PipelineCalibration {
  readonly map: CalibrationMap;
  /**
   * The held-out rows it was fitted on: the validation rows, the ensemble's out-of-fold
   * predictions, or labelled rows given to `classifier.calibrate` ('held-out').
   */
  readonly fittedOn: CalibrationRows;
  readonly rows: number;
  /** ECE, Brier score and log loss on those rows, before and after. */
  readonly before: CalibrationScores;
  readonly after: CalibrationScores;
}

export interface CalibrationScores {
  readonly ece: number;
  readonly brier: number;
  readonly logLoss: number;
}
