import type { TopLevelSpec } from 'vega-lite';
import type { ReliabilityCurve, ReportTask } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatCount, formatNumber } from '../format-number.js';
import { scoreAxis } from './score-axis.js';

/**
 * The reliability (calibration) plot: each bin's mean predicted probability against the observed
 * fraction, with the fraction's 95% Wilson interval and the bin's row count beside it, the
 * diagonal of perfect calibration, ECE in the title. Both axes zoom alike to where the points are
 * (the diagonal stays at 45°); intervals reaching past the zoom are clipped at the edge. The
 * points are not joined: a line through bins of two rows draws a zig-zag the eye reads as signal.
 * NOTE: the bins stay those of the ECE in the title (the library's 10 equal-width bins) rather
 * than fewer bins for few rows: the plot then shows the very gaps the number averages, and the
 * intervals say which of them a sample this small cannot tell from chance.
 */
export function reliabilitySpec(curve: ReliabilityCurve, task: ReportTask): TopLevelSpec {
  const values = curve.count.flatMap((count, index) =>
    count > 0
      ? [{
          predicted: curve.meanPredicted[index],
          observed: curve.fractionPositive[index],
          lower: curve.intervalLower[index],
          upper: curve.intervalUpper[index],
          rows: count,
          label: formatCount(count),
        }]
      : [],
  );
  const points = values.flatMap((value) => [value.predicted, value.observed]);
  // NOTE: from 0, as calibration plots are read, with a tenth more at the top for the labels.
  const { domain } = scoreAxis(points, [0, Math.min(1, 1.1 * Math.max(...points))]);
  const scale = { domain: [...domain], nice: false, zero: false };
  const x = {
    field: 'predicted', type: 'quantitative', scale,
    title: task === 'binary' ? 'mean predicted probability' : 'mean confidence (top class)',
  } as const;
  const y = { field: 'observed', type: 'quantitative', scale, title: task === 'binary' ? 'fraction positive' : 'fraction correct' } as const;
  return {
    title: `Reliability · ECE ${formatNumber(curve.expectedCalibrationError)}`,
    width: 300,
    height: 300,
    layer: [
      {
        data: { values: [{ predicted: domain[0], observed: domain[0] }, { predicted: domain[1], observed: domain[1] }] },
        mark: { type: 'line', strokeDash: [4, 4], color: colors.reference, strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        layer: [
          {
            mark: { type: 'rule', color: colors.curve, strokeWidth: 1.5, opacity: 0.45, clip: true },
            encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
          },
          {
            mark: { type: 'circle', color: colors.curve, opacity: 0.9 },
            encoding: { x, y, size: { field: 'rows', type: 'quantitative', legend: null, scale: { range: [20, 200] } } },
          },
          {
            mark: { type: 'text', color: '#555555', fontSize: 9, align: 'left', baseline: 'middle', dx: 7 },
            encoding: { x, y, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
