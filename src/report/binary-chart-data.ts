import type { BinaryEvaluation } from '../metrics/evaluation/binary-evaluation.js';
import type { Numbers } from '../metrics/evaluation/inputs.js';
import { operatingPoints } from '../threshold/operating-points.js';
import type { ChartData } from './chart-plans.js';
import { reliabilityData } from './reliability-data.js';
import type { ThresholdSweep } from './report-data.js';

/** Most points drawn on the threshold chart; more are thinned evenly (the chart looks the same). */
const MAX_SWEEP_POINTS = 400;

/** What the charts of a binary classifier draw (everything but the learning curves). */
export type BinaryChartData = Required<Pick<ChartData, 'confusion' | 'reliability' | 'scores'>> &
  Pick<ChartData, 'roc' | 'pr' | 'thresholdSweep'> & { readonly task: 'binary' };

/**
 * Arranges a binary evaluation (nn.evaluation.binaryEvaluation of `labels` and `scores`, the
 * positive-class probabilities) into the charts' data: no metric is computed here but the
 * threshold sweep. The curves need both classes; with one, only the matrix, reliability and
 * scores are drawn. `rule` says how the threshold was chosen.
 */
export function binaryChartData(
  labels: Numbers,
  scores: Numbers,
  evaluation: BinaryEvaluation,
  classNames: readonly string[],
  rule?: string,
): BinaryChartData {
  const e = evaluation;
  const bothClasses = e.rocAuc !== null;
  return {
    task: 'binary',
    ...(bothClasses
      ? {
          roc: { fpr: e.rocCurve.fpr, tpr: e.rocCurve.tpr, thresholds: e.rocCurve.thresholds, auc: e.rocAuc! },
          pr: {
            precision: e.precisionRecallCurve.precision,
            recall: e.precisionRecallCurve.recall,
            thresholds: e.precisionRecallCurve.thresholds,
            averagePrecision: e.averagePrecision,
            prevalence: e.positives / (e.positives + e.negatives),
          },
          thresholdSweep: thresholdSweep(labels, scores, e.threshold, rule),
        }
      : {}),
    confusion: { classNames, counts: e.confusionMatrix, threshold: e.threshold },
    reliability: reliabilityData(e.reliabilityCurve, e.expectedCalibrationError),
    scores: { classNames, scores: classNames.map((_, k) => scoresOfClass(labels, scores, k)) },
  };
}

/** Precision, recall and F1 at every distinct operating point (src/threshold), strict rule. */
function thresholdSweep(labels: Numbers, scores: Numbers, chosen: number, rule: string | undefined): ThresholdSweep {
  const points = operatingPoints(Float64Array.from(labels), Float64Array.from(scores), undefined);
  const step = Math.max(1, Math.ceil(points.length / MAX_SWEEP_POINTS));
  const kept = points.filter((_, index) => index % step === 0 || index === points.length - 1);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = kept.map((p) => ratio(p.tp, p.tp + p.fp));
  const recall = kept.map((p) => ratio(p.tp, p.tp + p.fn));
  return {
    // NOTE: probabilities lie in [0, 1], and so do the thresholds between them.
    thresholds: kept.map((p) => Math.min(1, Math.max(0, p.threshold))),
    precision,
    recall,
    f1: kept.map((_, k) => ratio(2 * precision[k] * recall[k], precision[k] + recall[k])),
    chosen: Math.min(1, Math.max(0, chosen)),
    ...(rule === undefined ? {} : { rule }),
  };
}

/** The scores of the rows whose label is class k, in row order. */
function scoresOfClass(labels: Numbers, scores: Numbers, k: number): number[] {
  const found: number[] = [];
  for (let row = 0; row < labels.length; row++) if (labels[row] === k) found.push(scores[row]);
  return found;
}
