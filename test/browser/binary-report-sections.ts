/**
 * The binary report's result sections computed from labels and scores with the library's own
 * evaluation (binaryEvaluation), as a real run fills them: the ROC point at the threshold matches
 * the confusion matrix, the reliability bins and their intervals are the library's, and so on.
 */
import { binaryEvaluation } from '../../src/metrics/evaluation/binary-evaluation.js';
import { reliabilityData } from '../../src/report/reliability-data.js';
import type { ReportData } from '../../src/report/report-data.js';

/** A made-up but plausible interval around a value, inside [0, 1]. */
const around = (value: number, width: number): [number, number] => [Math.max(0, value - width), Math.min(1, value + width / 2)];

type BinarySections = Pick<ReportData, 'metrics' | 'roc' | 'pr' | 'confusion' | 'thresholdSweep' | 'reliability' | 'scores'>;

/**
 * Sections for labels (0 / 1) and positive-class scores, with the threshold that maximizes F1 on a
 * 0.01 grid (score > threshold is positive) and the sweep on that grid.
 */
export function binaryReportSections(labels: readonly number[], scores: readonly number[], classNames: readonly string[]): BinarySections {
  const grid = Array.from({ length: 99 }, (_, index) => (index + 1) / 100);
  const sweep = grid.map((threshold) => {
    const e = binaryEvaluation(labels, scores, { threshold });
    return { threshold, precision: e.precision, recall: e.recall, f1: e.f1 };
  });
  const chosen = sweep.reduce((best, row) => (row.f1 > best.f1 ? row : best));
  const e = binaryEvaluation(labels, scores, { threshold: chosen.threshold });
  const rows = labels.length;
  const logLoss = -scores.reduce((sum, score, index) => sum + Math.log(labels[index] === 1 ? score : 1 - score), 0) / rows;
  const auc = e.rocAuc ?? 0.5;
  return {
    metrics: {
      rows: [
        { name: 'loss', value: logLoss },
        { name: 'accuracy', value: e.accuracy, ci: around(e.accuracy, 0.04) },
        { name: 'precision', value: e.precision, ci: around(e.precision, 0.07) },
        { name: 'recall', value: e.recall, ci: around(e.recall, 0.08) },
        { name: 'F1', value: e.f1, ci: around(e.f1, 0.06) },
        { name: 'ROC-AUC', value: auc, ci: around(auc, 0.02) },
      ],
      baselineAccuracy: e.baseline.accuracy,
      evaluatedRows: rows,
      confidenceLevel: 0.95,
      ciMethod: 'bootstrap, 1000 resamples, seed 42',
    },
    roc: { fpr: e.rocCurve.fpr, tpr: e.rocCurve.tpr, thresholds: e.rocCurve.thresholds, auc },
    pr: {
      precision: e.precisionRecallCurve.precision,
      recall: e.precisionRecallCurve.recall,
      thresholds: e.precisionRecallCurve.thresholds,
      averagePrecision: e.averagePrecision,
      prevalence: e.positives / rows,
    },
    confusion: { classNames, counts: e.confusionMatrix, threshold: chosen.threshold },
    thresholdSweep: {
      thresholds: grid,
      precision: sweep.map((row) => row.precision),
      recall: sweep.map((row) => row.recall),
      f1: sweep.map((row) => row.f1),
      chosen: chosen.threshold,
      rule: 'max F1 on validation rows',
    },
    reliability: reliabilityData(e.reliabilityCurve, e.expectedCalibrationError),
    scores: {
      classNames,
      scores: [0, 1].map((label) => scores.filter((_, index) => labels[index] === label)),
    },
  };
}
