import type { CalibrationComparison, CalibrationPanel, ImportanceData } from '../report/report-data.js';
import { reliabilityData } from '../report/reliability-data.js';
import { applyCalibration, calibrationQuality, describeCalibration, describeFittedOn, type CalibrationQuality, type PipelineCalibration } from './calibration.js';
import type { CalibrationRun } from './calibration-run.js';
import type { PermutationImportance } from './permutation-importance.js';

/**
 * The report's before / after calibration section of a training run, on the rows its results
 * are measured on (`measuredOn`, e.g. 'the 114 test rows').
 */
export function trainingCalibration(calibration: CalibrationRun, measuredOn: string): CalibrationComparison {
  return comparison(calibration, measuredOn, calibration.results.before, calibration.results.after);
}

/**
 * The same section for an evaluation: the model's raw probabilities of the evaluated rows
 * (rows × columns) against their labels, before and after the saved calibration.
 */
export function evaluatedCalibration(calibration: PipelineCalibration, raw: Float32Array, labels: Int32Array, columns: number, measuredOn: string): CalibrationComparison {
  const before = calibrationQuality(raw, labels, columns);
  const after = calibrationQuality(applyCalibration(calibration.map, raw, columns), labels, columns);
  return comparison(calibration, measuredOn, before, after);
}

/** Permutation importance as the report draws it. */
export function importanceData(result: PermutationImportance, options: { readonly repeats: number; readonly seed: number }): ImportanceData {
  return {
    metric: result.metric,
    baseline: result.baseline,
    repeats: options.repeats,
    seed: options.seed,
    columns: result.columns.map(({ column, mean, sd }) => ({ column, mean, sd })),
  };
}

function comparison(calibration: PipelineCalibration, measuredOn: string, before: CalibrationQuality, after: CalibrationQuality): CalibrationComparison {
  const panel = (quality: CalibrationQuality): CalibrationPanel => ({
    reliability: reliabilityData(quality.reliability, quality.ece),
    brier: quality.brier,
    logLoss: quality.logLoss,
  });
  return { method: describeCalibration(calibration.map), fittedOn: describeFittedOn(calibration), measuredOn, before: panel(before), after: panel(after) };
}
