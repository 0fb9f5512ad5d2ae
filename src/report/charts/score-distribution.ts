import type { TopLevelSpec } from 'vega-lite';
import type { ReportTask, ScoreDistributions } from '../report-data.js';
import { classPalette, colors } from '../chart-theme.js';
import { formatCount, formatShort } from '../format-number.js';
import { thresholdLabelMark } from './operating-point-layers.js';
import type { ScoreAxis } from './score-axis.js';
import { scoreHistogram } from './score-histogram.js';

/**
 * Histograms of the model's scores per actual class, on `axis` (zoomed to where the scores are).
 * NOTE: each bar is the share of its own class's rows, not a count: with 6% positives, counts
 * draw the positives as a flat line under the negatives; shares draw both at full height, and
 * the legend keeps the row counts. Binary: both classes overlaid on the positive-class
 * probability, with the decision threshold. Multi-class: one panel per class, of the probability
 * given to the row's own class.
 */
export function scoreDistributionSpec(
  distributions: ScoreDistributions,
  task: ReportTask,
  axis: ScoreAxis,
  threshold?: number,
): TopLevelSpec {
  const labels = distributions.classNames.map((name, k) => {
    const rows = distributions.scores[k].length;
    return `${name} · ${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`;
  });
  const values = distributions.scores.flatMap((scores, k) =>
    scoreHistogram(scores, axis).map((bin) => ({ ...bin, actual: labels[k] })),
  );
  const positive = distributions.classNames[distributions.classNames.length - 1];
  const scale = { domain: [...axis.domain], nice: false, zero: false };
  const x = {
    field: 'lower', type: 'quantitative', scale,
    title: task === 'binary' ? `predicted probability of ${positive}` : 'probability given to the actual class',
  } as const;
  const x2 = { field: 'upper' } as const;
  const y = { field: 'share', type: 'quantitative', stack: null, axis: { format: '.0%' } } as const;
  // NOTE: with x and x2 both given, Vega-Lite would draw the bars sideways without a y2.
  const y2 = { datum: 0 } as const;
  const color = {
    field: 'actual', type: 'nominal', title: 'actual class',
    scale: { domain: labels, range: classPalette.slice(0, labels.length) },
  } as const;
  if (task === 'multiclass') {
    return {
      title: 'Score distribution by actual class',
      data: { values },
      facet: { row: { field: 'actual', type: 'nominal', sort: labels, title: null, header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelPadding: 2 } } },
      spec: {
        width: 300,
        height: labels.length <= 4 ? 60 : 36,
        mark: { type: 'bar', binSpacing: 0 },
        encoding: { x, x2, y: { ...y, title: null, axis: { ...y.axis, tickCount: 2 } }, y2, color: { ...color, legend: null } },
      },
      resolve: { scale: { y: 'independent' } },
    };
  }
  const bars = {
    data: { values },
    mark: { type: 'bar', opacity: 0.55, binSpacing: 0 },
    encoding: { x, x2, y: { ...y, title: 'share of the class\u2019s rows' }, y2, color },
  } as const;
  if (threshold === undefined) return { title: 'Score distribution by actual class', width: 340, height: 220, layer: [bars] };
  const marker = { threshold, label: `threshold ${formatShort(threshold)}` };
  const at = { field: 'threshold', type: 'quantitative', scale } as const;
  return {
    title: 'Score distribution by actual class',
    width: 340,
    height: 220,
    layer: [
      bars,
      { data: { values: [marker] }, mark: { type: 'rule', strokeDash: [4, 3], color: colors.marker }, encoding: { x: at } },
      {
        data: { values: [marker] },
        mark: thresholdLabelMark,
        encoding: { x: at, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
