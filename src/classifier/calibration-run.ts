import { applyCalibration, calibrationQuality, fitCalibration, type CalibrationMethod, type CalibrationQuality, type PipelineCalibration } from './calibration.js';

/** A run's calibration: what is saved, and how the results' rows look before and after it. */
export interface CalibrationRun extends PipelineCalibration {
  /** On the rows the run's results are measured on (the test rows, else the held-out ones). */
  readonly results: { readonly rows: number; readonly before: CalibrationQuality; readonly after: CalibrationQuality };
}

/**
 * Fits the calibration on held-out probabilities (rows × columns) and scores it there, before
 * and after (the saved summary: ECE, Brier score, log loss).
 */
export function calibrationOn(
  method: CalibrationMethod,
  probabilities: Float32Array,
  labels: Int32Array,
  columns: number,
  fittedOn: 'validation' | 'out-of-fold',
): PipelineCalibration {
  const map = fitCalibration(method, probabilities, labels, columns);
  const scores = (quality: CalibrationQuality) => ({ ece: quality.ece, brier: quality.brier, logLoss: quality.logLoss });
  return {
    map,
    fittedOn,
    rows: labels.length,
    before: scores(calibrationQuality(probabilities, labels, columns)),
    after: scores(calibrationQuality(applyCalibration(map, probabilities, columns), labels, columns)),
  };
}

/** The calibration with its before / after on the results' rows: `raw` the model's probabilities there. */
export function calibrationRun(calibration: PipelineCalibration, raw: Float32Array, labels: Int32Array, columns: number): CalibrationRun {
  return {
    ...calibration,
    results: {
      rows: labels.length,
      before: calibrationQuality(raw, labels, columns),
      after: calibrationQuality(applyCalibration(calibration.map, raw, columns), labels, columns),
    },
  };
}
