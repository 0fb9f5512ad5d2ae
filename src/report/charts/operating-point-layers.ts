import type { TopLevelSpec } from 'vega-lite';
import { colors } from '../chart-theme.js';
import { formatShort } from '../format-number.js';
import type { OperatingPoint } from './operating-point.js';

/** One child of a Vega-Lite `layer` (vega-lite exports only its top-level spec type). */
export type LayerChild = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** A quantitative position channel on [0, 1], the axis of every rate and probability chart. */
export function unitAxis(field: string, title: string) {
  return { field, type: 'quantitative' as const, title, scale: { domain: [0, 1] } };
}

type AxisField = ReturnType<typeof unitAxis>;

/**
 * The text mark that names a threshold rule: above the plot, centred on the rule, where no curve
 * or bar can cover it (as the learning curves name their best epoch).
 */
export const thresholdLabelMark = {
  type: 'text', color: colors.marker, fontSize: 10, align: 'center', baseline: 'bottom', y: -3,
} as const;

/**
 * A marker and a "threshold 0.42" label at the model's operating point on a curve whose axes are
 * `x` and `y`; none when the point is undefined.
 */
export function operatingPointLayers(
  position: { x: number; y: number } | undefined,
  point: OperatingPoint | undefined,
  x: AxisField,
  y: AxisField,
): LayerChild[] {
  if (position === undefined || point === undefined) return [];
  const label = point.threshold === undefined ? 'model' : `threshold ${formatShort(point.threshold)}`;
  const datum = { [x.field]: position.x, [y.field]: position.y, label };
  // NOTE: the label sits below-right of the point unless the point is near the right edge.
  const nearRight = position.x > 0.6;
  return [
    {
      data: { values: [datum] },
      mark: { type: 'point', filled: true, size: 70, color: colors.marker },
      encoding: { x, y },
    },
    {
      data: { values: [datum] },
      mark: {
        type: 'text', color: colors.marker, fontSize: 11, baseline: 'top',
        align: nearRight ? 'right' : 'left', dx: nearRight ? -6 : 6, dy: 6,
      },
      encoding: {
        x: { field: x.field, type: 'quantitative' },
        y: { field: y.field, type: 'quantitative' },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
}
