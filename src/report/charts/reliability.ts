import type { TopLevelSpec } from 'vega-lite';
import type { ReliabilityCurve, ReportTask } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatNumber } from '../format-number.js';
import { unitAxis } from './operating-point-layers.js';

/**
 * The reliability (calibration) plot: each bin's mean predicted probability against the observed
 * fraction, point area by the bin's row count, the diagonal of perfect calibration, ECE in the title.
 */
export function reliabilitySpec(curve: ReliabilityCurve, task: ReportTask): TopLevelSpec {
  const values = curve.count.flatMap((count, index) =>
    count > 0 ? [{ predicted: curve.meanPredicted[index], observed: curve.fractionPositive[index], rows: count }] : [],
  );
  const x = unitAxis('predicted', task === 'binary' ? 'mean predicted probability' : 'mean confidence (top class)');
  const y = unitAxis('observed', task === 'binary' ? 'fraction positive' : 'fraction correct');
  return {
    title: `Reliability · ECE ${formatNumber(curve.expectedCalibrationError)}`,
    width: 300,
    height: 300,
    layer: [
      {
        data: { values: [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: colors.reference, strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'line', color: colors.curve },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'circle', color: colors.curve, opacity: 0.85 },
        encoding: {
          x,
          y,
          size: { field: 'rows', type: 'quantitative', title: 'rows in bin', scale: { range: [20, 320] } },
        },
      },
    ],
  };
}
