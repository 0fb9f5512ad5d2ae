import type { TopLevelSpec } from 'vega-lite';
import type { RocCurve } from '../report-data.js';
import { colors } from '../chart-theme.js';
import { formatNumber } from '../format-number.js';
import type { OperatingPoint } from './operating-point.js';
import { operatingPointLayers, unitAxis } from './operating-point-layers.js';

/** ROC curve with its AUC in the title, the chance diagonal, and the model's operating point. */
export function rocCurveSpec(roc: RocCurve, point: OperatingPoint | undefined): TopLevelSpec {
  const values = roc.fpr.map((fpr, index) => ({ fpr, tpr: roc.tpr[index], order: index }));
  const x = unitAxis('fpr', 'false positive rate');
  const y = unitAxis('tpr', 'true positive rate');
  return {
    title: `ROC curve · AUC ${formatNumber(roc.auc)}`,
    width: 300,
    height: 300,
    layer: [
      {
        data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: colors.reference, strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'line', color: colors.curve },
        encoding: { x, y, order: { field: 'order', type: 'quantitative' } },
      },
      ...operatingPointLayers(point === undefined ? undefined : { x: point.fpr, y: point.tpr }, point, x, y),
    ],
  };
}
