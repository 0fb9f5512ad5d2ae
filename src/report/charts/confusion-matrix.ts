import type { TopLevelSpec } from 'vega-lite';
import type { ConfusionMatrixData } from '../report-data.js';
import { formatCount, formatPercent, formatShort } from '../format-number.js';

/**
 * The confusion matrix as a heatmap: rows are actual classes, columns predicted; each cell shows
 * its count and its share of the row (the per-class recall on the diagonal), shaded by that share.
 */
export function confusionMatrixSpec(confusion: ConfusionMatrixData): TopLevelSpec {
  const names = [...confusion.classNames];
  const values = confusion.counts.flatMap((row, actualIndex) => {
    const rowTotal = row.reduce((sum, count) => sum + count, 0);
    return row.map((count, predictedIndex) => {
      const rate = rowTotal === 0 ? 0 : count / rowTotal;
      return {
        actual: names[actualIndex],
        predicted: names[predictedIndex],
        count: formatCount(count),
        rate,
        rateText: rowTotal === 0 ? '–' : formatPercent(rate),
      };
    });
  });
  // NOTE: cells shrink as classes grow so a 10-class matrix still fits a card.
  const cell = Math.max(34, Math.min(110, Math.floor(420 / names.length)));
  const small = cell < 60;
  const longestName = Math.max(...names.map((name) => name.length));
  const axis = { labelLimit: 120, labelAngle: names.length > 4 || longestName > 10 ? -40 : 0 };
  const threshold = confusion.threshold === undefined ? '' : ` at threshold ${formatShort(confusion.threshold)}`;
  const position = {
    x: { field: 'predicted', type: 'nominal', sort: names, title: 'predicted', axis: { ...axis, orient: 'bottom' } },
    y: { field: 'actual', type: 'nominal', sort: names, title: 'actual', axis: { labelLimit: 120 } },
  } as const;
  const textColor = { condition: { test: 'datum.rate > 0.55', value: 'white' }, value: '#222222' };
  return {
    title: `Confusion matrix${threshold}`,
    width: cell * names.length,
    height: cell * names.length,
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          ...position,
          color: {
            field: 'rate', type: 'quantitative', title: 'share of row',
            // NOTE: no legend: every cell prints its share of the row.
            scale: { domain: [0, 1], scheme: 'blues' }, legend: null,
          },
        },
      },
      {
        mark: { type: 'text', fontSize: small ? 10 : 14, fontWeight: 600, dy: small ? -5 : -8 },
        encoding: { ...position, text: { field: 'count', type: 'nominal' }, color: textColor },
      },
      {
        mark: { type: 'text', fontSize: small ? 8 : 11, dy: small ? 6 : 9 },
        encoding: { ...position, text: { field: 'rateText', type: 'nominal' }, color: textColor },
      },
    ],
  };
}
