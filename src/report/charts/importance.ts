import type { TopLevelSpec } from 'vega-lite';
import type { ImportanceData } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatNumber } from '../format-number.js';

/**
 * Permutation importance: one bar per raw column, the mean drop in the score when the column is
 * shuffled, with a whisker of ± one standard deviation over the repeats; largest first. A bar
 * near zero (or whose whisker crosses zero) is a column the model does not rely on.
 */
export function importanceSpec(importance: ImportanceData): TopLevelSpec {
  const values = importance.columns.map((column) => ({
    column: column.column,
    mean: column.mean,
    lower: column.mean - column.sd,
    upper: column.mean + column.sd,
  }));
  const y = { field: 'column', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } } as const;
  const x = { field: 'mean', type: 'quantitative', title: `drop in ${importance.metric} when shuffled` } as const;
  return {
    title: {
      text: 'Which columns matter',
      subtitle: `${importance.metric} ${formatNumber(importance.baseline)} on the rows as they are; ${importance.repeats} shuffles per column, seed ${importance.seed}`,
    },
    width: 340,
    height: { step: 18 },
    data: { values },
    layer: [
      { mark: { type: 'bar', color: colors.curve, opacity: 0.85 }, encoding: { y, x } },
      { mark: { type: 'rule', color: colors.text }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: colors.reference, strokeDash: [4, 4] },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
}
