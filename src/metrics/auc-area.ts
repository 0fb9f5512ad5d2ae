/**
 * Keras' AUC from confusion counts at T thresholds (increasing): the Riemann sums of
 * keras.metrics.AUC.result(), re-derived. Counts are float64 (Keras keeps float32).
 */
export type AucCurve = 'ROC' | 'PR';
export type AucSummation = 'interpolation' | 'minoring' | 'majoring';

export interface ThresholdCounts {
  /** (T) weighted counts at each threshold, for score > threshold. */
  readonly tp: Float64Array;
  readonly fp: Float64Array;
  readonly tn: Float64Array;
  readonly fn: Float64Array;
}

/** a / b, or 0 when b is 0 (Keras' divide_no_nan). */
function divideNoNan(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * PR AUC with precision interpolated the Davis & Goadrich way: within each interval, TP and
 * P = TP + FP vary linearly, so precision = (TP_A + slope · (P - P_A)) / P integrates in closed
 * form to slope · (dTP + intercept · ln(P_A / P_B)), divided by the positives.
 */
export function interpolatedPrAuc(counts: ThresholdCounts): number {
  const { tp, fp, fn } = counts;
  let area = 0;
  for (let i = 0; i + 1 < tp.length; i++) {
    const dtp = tp[i] - tp[i + 1];
    const pA = tp[i] + fp[i];
    const pB = tp[i + 1] + fp[i + 1];
    const slope = divideNoNan(dtp, Math.max(pA - pB, 0));
    const intercept = tp[i + 1] - slope * pB;
    const ratio = pA > 0 && pB > 0 ? divideNoNan(pA, Math.max(pB, 0)) : 1;
    area += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fn[i + 1], 0));
  }
  return area;
}

/** Area under the ROC or PR curve through the T points, by the chosen Riemann summation. */
export function kerasAucArea(counts: ThresholdCounts, curve: AucCurve, summation: AucSummation): number {
  if (curve === 'PR' && summation === 'interpolation') return interpolatedPrAuc(counts);
  const { tp, fp, tn, fn } = counts;
  const T = tp.length;
  const x = new Float64Array(T);
  const y = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    const recall = divideNoNan(tp[i], tp[i] + fn[i]);
    if (curve === 'ROC') {
      x[i] = divideNoNan(fp[i], fp[i] + tn[i]);
      y[i] = recall;
    } else {
      x[i] = recall;
      y[i] = divideNoNan(tp[i], tp[i] + fp[i]);
    }
  }
  let area = 0;
  for (let i = 0; i + 1 < T; i++) {
    const height =
      summation === 'interpolation' ? (y[i] + y[i + 1]) / 2 : summation === 'minoring' ? Math.min(y[i], y[i + 1]) : Math.max(y[i], y[i + 1]);
    area += (x[i] - x[i + 1]) * height;
  }
  return area;
}
