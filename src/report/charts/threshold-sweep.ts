import type { TopLevelSpec } from 'vega-lite';
import type { ThresholdSweep } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatShort } from '../format-number.js';
import { thresholdLabelMark, unitAxis } from './operating-point-layers.js';
import type { ScoreAxis } from './score-axis.js';

/**
 * Precision, recall and F1 against the decision threshold, with the chosen threshold marked, on
 * `axis`: the range of the scores (thresholds beyond them change nothing), which holds the chosen
 * threshold. Points outside it are clipped.
 */
export function thresholdSweepSpec(sweep: ThresholdSweep, axis: ScoreAxis): TopLevelSpec {
  const series = [
    ['precision', sweep.precision],
    ['recall', sweep.recall],
    ['F1', sweep.f1],
  ] as const;
  const values = series.flatMap(([metric, metricValues]) =>
    sweep.thresholds.map((threshold, index) => ({ threshold, metric, value: metricValues[index] })),
  );
  const chosen = { threshold: sweep.chosen, label: `chosen ${formatShort(sweep.chosen)}` };
  const scale = { domain: [...axis.domain], nice: false, zero: false };
  const x = { field: 'threshold', type: 'quantitative', title: 'decision threshold', scale } as const;
  return {
    title: {
      text: 'Precision, recall and F1 by threshold',
      ...(sweep.rule === undefined ? {} : { subtitle: `threshold chosen by ${sweep.rule}` }),
    },
    width: 340,
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2, clip: true },
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
        mark: thresholdLabelMark,
        encoding: { x, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
