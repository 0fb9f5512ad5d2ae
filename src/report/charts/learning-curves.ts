import type { TopLevelSpec } from 'vega-lite';
import type { TrainingHistory } from '../report-data.js';
import { colors } from '../chart-theme.js';

/** One panel: a metric's training curve and its `val_` twin, either of which may be absent. */
export interface CurvePanel {
  readonly metric: string;
  readonly training?: readonly number[];
  readonly validation?: readonly number[];
}

/**
 * Pairs Keras history keys into panels: `loss` with `val_loss`, `accuracy` with `val_accuracy`,
 * in the history's own key order with `loss` first; a `val_` key without a training twin gets
 * its own panel.
 */
export function curvePanels(history: TrainingHistory['history']): CurvePanel[] {
  const keys = Object.keys(history);
  const bases: string[] = [];
  for (const key of keys) {
    const base = key.startsWith('val_') ? key.slice(4) : key;
    if (!bases.includes(base)) bases.push(base);
  }
  bases.sort((a, b) => Number(b === 'loss') - Number(a === 'loss'));
  return bases.map((metric) => ({
    metric,
    training: Object.hasOwn(history, metric) ? history[metric] : undefined,
    validation: Object.hasOwn(history, `val_${metric}`) ? history[`val_${metric}`] : undefined,
  }));
}

/**
 * Learning curves: one chart per metric, training and validation against the epoch (1-based on
 * the axis), the best (or early-stopping) epoch marked with a dashed rule.
 * NOTE: separate charts rather than one concatenated chart, so the page can wrap them: side by
 * side on a wide screen, one under the other on a phone, each at a readable size.
 */
export function learningCurvesSpecs(training: TrainingHistory): TopLevelSpec[] {
  const markedIndex = training.bestEpoch ?? training.stoppedEpoch;
  const markLabel = training.bestEpoch !== undefined ? 'best' : 'stopped';
  return curvePanels(training.history).map((panel): TopLevelSpec => {
    const values = [
      ...(panel.training ?? []).map((value, index) => ({ epoch: index + 1, split: 'training', value })),
      ...(panel.validation ?? []).map((value, index) => ({ epoch: index + 1, split: 'validation', value })),
    ];
    const epochs = Math.max(panel.training?.length ?? 0, panel.validation?.length ?? 0);
    return {
      title: panel.metric,
      width: 300,
      height: 190,
      layer: [
        {
          data: { values },
          mark: { type: 'line', point: epochs <= 30 ? { size: 16 } : false },
          encoding: {
            x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1 } },
            y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
            color: {
              field: 'split',
              type: 'nominal',
              title: null,
              scale: { domain: ['training', 'validation'], range: [colors.training, colors.validation] },
            },
          },
        },
        ...(markedIndex === undefined
          ? []
          : [
              {
                data: { values: [{ epoch: markedIndex + 1, label: `${markLabel} epoch ${markedIndex + 1}` }] },
                layer: [
                  {
                    mark: { type: 'rule' as const, strokeDash: [4, 3], color: colors.marker },
                    encoding: { x: { field: 'epoch', type: 'quantitative' as const } },
                  },
                  {
                    // NOTE: above the plot, centred on the rule, where no curve can cover it.
                    mark: {
                      type: 'text' as const, align: 'center' as const, baseline: 'bottom' as const, y: -3,
                      color: colors.marker, fontSize: 10,
                    },
                    encoding: {
                      x: { field: 'epoch', type: 'quantitative' as const },
                      text: { field: 'label', type: 'nominal' as const },
                    },
                  },
                ],
              },
            ]),
      ],
    };
  });
}
