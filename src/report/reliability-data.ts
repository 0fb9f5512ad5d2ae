import type { ReliabilityBin } from '../metrics/evaluation/reliability-curve.js';
import type { ReliabilityCurve } from './report-data.js';

/** The reliability chart's data from the library's bins (reliabilityCurve) and its ECE. */
export function reliabilityData(bins: readonly ReliabilityBin[], expectedCalibrationError: number): ReliabilityCurve {
  return {
    meanPredicted: bins.map((bin) => bin.meanPredicted),
    fractionPositive: bins.map((bin) => bin.fractionPositive),
    count: bins.map((bin) => bin.count),
    intervalLower: bins.map((bin) => bin.interval.lower),
    intervalUpper: bins.map((bin) => bin.interval.upper),
    expectedCalibrationError,
  };
}
