import { temperatureUnbounded } from '../metrics/index.js';
import type { ClassifierWarning } from './classifier-warnings.js';
import { applyCalibration, calibrationQuality, describeFittedOn, fitCalibration, type CalibrationMethod, type CalibrationRows, type CalibrationQuality, type PipelineCalibration } from './calibration.js';

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
  fittedOn: CalibrationRows,
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

/** The held-out probabilities (rows × columns) and labels a calibration was fitted on. */
export interface HeldRows {
  readonly probabilities: Float32Array;
  readonly labels: Int32Array;
  readonly columns: number;
}

/** Held-out rows below which isotonic calibration mostly fits noise (scikit-learn's guide: « 1000). */
export const ISOTONIC_ROWS = 1000;

/**
 * A warning when isotonic calibration was fitted on few rows: its steps follow their noise and
 * reach probabilities of exactly 0 or 1, which new rows then contradict (measured on the bundled
 * breast-cancer data: 114 validation rows took the test log loss from 0.074 to 0.65); and when no
 * temperature minimizes the log loss of `held` (no row on the wrong side), so it was left at 1.
 */
export function calibrationWarnings(calibration: PipelineCalibration, option: string, held: HeldRows): ClassifierWarning[] {
  if (calibration.map.method === 'temperature' && temperatureUnbounded(held.probabilities, held.labels, held.columns)) {
    return [{
      code: 'calibration/no-errors',
      severity: 'warning',
      message:
        `No temperature could be fitted: none of the ${describeFittedOn(calibration)} is on the wrong side, so their log loss ` +
        'keeps falling as the temperature goes to 0 (every probability 0 or 1). The probabilities are left as they are ' +
        `(temperature 1). Fit it on more rows (an ensemble's out-of-fold predictions), or leave ${option} out.`,
    }];
  }
  if (calibration.map.method !== 'isotonic' || calibration.rows >= ISOTONIC_ROWS) return [];
  return [{
    code: 'calibration/few-rows',
    severity: 'warning',
    message:
      `Isotonic calibration was fitted on ${describeFittedOn(calibration)}; with fewer than about ${ISOTONIC_ROWS} it follows their ` +
      'noise, and its steps to probabilities of 0 or 1 make the log loss of new rows large. Use ' +
      `${option} sigmoid or temperature, or fit it on more rows (an ensemble's out-of-fold predictions use every training row).`,
  }];
}
