import type { TopLevelSpec } from 'vega-lite';
import type { ThresholdSweep } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatShort } from '../format-number.js';
import { unitAxis } from './operating-point-layers.js';

/** Precision, recall and F1 against the decision threshold, with the chosen threshold marked. */
export function thresholdSweepSpec(sweep: ThresholdSweep): TopLevelSpec {
  const series = [
    ['precision', sweep.precision],
    ['recall', sweep.recall],
    ['F1', sweep.f1],
  ] as const;
  const values = series.flatMap(([metric, metricValues]) =>
    sweep.thresholds.map((threshold, index) => ({ threshold, metric, value: metricValues[index] })),
  );
  const rule = sweep.rule === undefined ? '' : ` (${sweep.rule})`;
  const chosen = { threshold: sweep.chosen, label: `chosen ${formatShort(sweep.chosen)}${rule}` };
  const x = unitAxis('threshold', 'decision threshold');
  // NOTE: the label goes on the side of the rule with more room, so it stays inside the plot.
  const labelOnLeft = sweep.chosen > 0.55;
  return {
    title: 'Precision, recall and F1 by threshold',
    width: 340,
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y: unitAxis('value', 'score'),
          color: {
            field: 'metric', type: 'nominal', title: null,
            scale: { domain: ['precision', 'recall', 'F1'], range: [colors.precision, colors.recall, colors.f1] },
          },
        },
      },
      {
        data: { values: [chosen] },
        mark: { type: 'rule', strokeDash: [4, 3], color: colors.marker },
        encoding: { x },
      },
      {
        data: { values: [chosen] },
        mark: {
          type: 'text', color: colors.marker, fontSize: 10, baseline: 'bottom', y: 'height', dy: -4,
          align: labelOnLeft ? 'right' : 'left', dx: labelOnLeft ? -4 : 4,
        },
        encoding: { x, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
