import type { Numbers } from './inputs.js';
import { warning, type ScoreResult } from './metric-warning.js';
import { reliabilityCurve, type ReliabilityOptions } from './reliability-curve.js';

/**
 * Expected calibration error: the weight-averaged gap |fraction positive - mean predicted|
 * over the reliability curve's bins (10 equal-width bins by default). 0 is perfectly calibrated.
 */
export function expectedCalibrationError(yTrue: Numbers, yProb: Numbers, options: ReliabilityOptions = {}): ScoreResult {
  const bins = reliabilityCurve(yTrue, yProb, options);
  const total = bins.reduce((sum, bin) => sum + bin.weight, 0);
  if (total === 0) {
    return { value: 0, warnings: [warning('expected_calibration_error', 'empty-bin', 'Every sample weight is 0; ECE set to 0.')] };
  }
  const gap = bins.reduce((sum, bin) => sum + bin.weight * Math.abs(bin.fractionPositive - bin.meanPredicted), 0);
  return { value: gap / total, warnings: [] };
}
