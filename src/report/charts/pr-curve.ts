import type { TopLevelSpec } from 'vega-lite';
import type { PrCurve } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatNumber, formatShort } from '../format-number.js';
import type { OperatingPoint } from './operating-point.js';
import { operatingPointLayers, unitAxis } from './operating-point-layers.js';

/**
 * Precision against recall with the average precision in the title, the no-skill line at the
 * prevalence, and the model's operating point. Drawn as steps, the way average precision sums it.
 */
export function prCurveSpec(pr: PrCurve, point: OperatingPoint | undefined): TopLevelSpec {
  const values = pr.recall.map((recall, index) => ({ recall, precision: pr.precision[index], order: index }));
  const x = unitAxis('recall', 'recall');
  const y = unitAxis('precision', 'precision');
  const prevalence = [{ recall: 0, precision: pr.prevalence }, { recall: 1, precision: pr.prevalence }];
  const position = point?.precision === undefined ? undefined : { x: point.recall, y: point.precision };
  return {
    title: `Precision–recall · AP ${formatNumber(pr.averagePrecision)}`,
    width: 300,
    height: 300,
    layer: [
      {
        data: { values: prevalence },
        mark: { type: 'line', strokeDash: [4, 4], color: colors.reference, strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values: [{ recall: 0, precision: pr.prevalence, label: `prevalence ${formatShort(pr.prevalence)}` }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -3, color: '#777777', fontSize: 10 },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values },
        mark: { type: 'line', color: colors.curve, interpolate: 'step-after' },
        encoding: { x, y, order: { field: 'order', type: 'quantitative' } },
      },
      ...operatingPointLayers(position, point, x, y),
    ],
  };
}
