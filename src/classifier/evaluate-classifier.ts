import { argmax } from '../data/argmax.js';
import {
  accuracyScore,
  binaryEvaluation,
  bootstrapIntervals,
  classificationReport,
  confusionMatrix,
  expectedCalibrationError,
  logLoss,
  majorityBaseline,
  reliabilityCurve,
  type BinaryEvaluation,
  type BootstrapIntervals,
  type ClassificationReport,
  type MetricWarning,
  type ReliabilityBin,
} from '../metrics/index.js';
import type { Model } from '../model/model.js';
import { Tensor } from '../tensor/tensor.js';
import { applyCalibration, calibrationQuality, type CalibrationMap } from './calibration.js';

/** Bootstrap settings of every confidence interval in the results. */
export const CONFIDENCE = 0.95;
export const RESAMPLES = 1000;
/** Rows × resamples past which the bootstrap draws fewer resamples (see resamplesFor). */
const BOOTSTRAP_DRAWS = 20_000_000;
/** The fewest resamples drawn, however many rows. */
const FEWEST_RESAMPLES = 200;

/**
 * Resamples for a test set of `rows` rows: 1000 up to 20,000 rows, then as many as keep the
 * draws at 2·10^7 (200 at 100,000 rows and beyond), so a large test set costs about a second.
 *
 * NOTE: a percentile bound estimated from B resamples has a Monte Carlo error of roughly
 * 1 / (2 √B) of the interval's half-width in standard errors (≈ 0.035 at B = 200); the interval
 * itself narrows as 1 / √rows, so at 100,000 rows and more that error is in the fourth decimal
 * or beyond. The count used is printed with every interval.
 */
export function resamplesFor(rows: number): number {
  return Math.max(FEWEST_RESAMPLES, Math.min(RESAMPLES, Math.floor(BOOTSTRAP_DRAWS / Math.max(rows, 1))));
}

export interface BinaryResults {
  readonly task: 'binary';
  readonly rows: number;
  /** The model's loss (as compiled) over the rows. */
  readonly loss: number;
  /** Everything at the model's threshold: counts, scores, baseline, curves, warnings. */
  readonly evaluation: BinaryEvaluation;
  readonly intervals: BootstrapIntervals;
  /**
   * Metrics that are 0/0 on these rows (recall with no positive row, precision with none
   * predicted positive): undefined, though the metrics library reports them as 0 by convention.
   */
  readonly undefinedMetrics: readonly UndefinedMetric[];
  /** Positive-class probability per row (rows). */
  readonly scores: Float32Array;
  readonly labels: Int32Array;
}

/** A binary metric that can be 0/0. */
export type UndefinedMetric = 'precision' | 'recall' | 'f1';

const UNDEFINED_CODES: Readonly<Record<string, UndefinedMetric>> = {
  'precision-undefined': 'precision', 'recall-undefined': 'recall', 'fscore-undefined': 'f1',
};

export interface MulticlassResults {
  readonly task: 'multiclass';
  readonly rows: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly baselineAccuracy: number;
  /** K × K counts, rows actual, columns predicted. */
  readonly confusionMatrix: number[][];
  readonly report: ClassificationReport;
  /** Top-class confidence against the fraction predicted correctly. */
  readonly reliability: readonly ReliabilityBin[];
  readonly expectedCalibrationError: number;
  /** Probability per row and class (rows, classes). */
  readonly probabilities: Tensor;
  readonly labels: Int32Array;
  readonly predicted: Int32Array;
  readonly warnings: readonly MetricWarning[];
}

export type ClassifierResults = BinaryResults | MulticlassResults;

/**
 * A trained classifier's results on labelled rows, from the metrics library: binary models at
 * their threshold with bootstrap confidence intervals, multi-class models by argmax with the
 * per-class table. `x` (rows, features) is already preprocessed; `labels` (rows) class indices.
 */
export function evaluateClassifier(
  model: Model,
  x: Tensor,
  labels: Int32Array,
  options: { readonly classNames: readonly string[]; readonly seed: number; readonly calibration?: CalibrationMap },
): ClassifierResults {
  // NOTE: verbose 0 keeps the model doctor off the console; its findings are on model.diagnostics.
  const raw = model.predictProbabilities(x, { verbose: 0 });
  if (options.calibration === undefined) {
    const loss = model.evaluate(x, labels, { verbose: 0 }).loss;
    return resultsOfProbabilities(raw, labels, loss, { ...options, threshold: model.threshold });
  }
  const probabilities = new Tensor(applyCalibration(options.calibration, raw.data, raw.cols), raw.shape);
  return resultsOfProbabilities(probabilities, labels, undefined, { ...options, threshold: model.threshold });
}

/**
 * Results of given probabilities (rows, 1 or classes) against labels: a calibrated model's, or
 * out-of-fold predictions. `loss` undefined: the log loss of the probabilities.
 */
export function resultsOfProbabilities(
  probabilities: Tensor,
  labels: Int32Array,
  loss: number | undefined,
  options: { readonly classNames: readonly string[]; readonly seed: number; readonly threshold: number },
): ClassifierResults {
  const x = probabilities;
  if (probabilities.cols === 1) {
    const scores = probabilities.data;
    const threshold = options.threshold;
    loss ??= logLoss(labels, scores).value;
    const evaluation = binaryEvaluation(labels, scores, { threshold });
    const undefinedMetrics = [...new Set(evaluation.warnings.flatMap((w) => UNDEFINED_CODES[w.code] ?? []))];
    return {
      task: 'binary',
      rows: x.rows,
      loss,
      evaluation,
      undefinedMetrics,
      intervals: bootstrapIntervals(labels, scores, { threshold, seed: options.seed, confidence: CONFIDENCE, resamples: resamplesFor(labels.length) }),
      scores,
      labels,
    };
  }
  loss ??= calibrationQuality(probabilities.data, labels, probabilities.cols).logLoss;
  const classes = options.classNames.map((_, k) => k);
  const predicted = argmax(probabilities);
  const accuracy = accuracyScore(labels, predicted);
  const report = classificationReport(labels, predicted, { labels: classes, targetNames: options.classNames, digits: 4 });
  // NOTE: multi-class calibration, as the report draws it: is the top class right as often as
  // the model's confidence in it says? (a binary reliability curve of "correct" vs confidence).
  const correct = Float64Array.from(predicted, (k, row) => (k === labels[row] ? 1 : 0));
  const confidence = Float64Array.from(predicted, (k, row) => probabilities.data[row * probabilities.cols + k]);
  const calibration = expectedCalibrationError(correct, confidence);
  return {
    task: 'multiclass',
    rows: x.rows,
    loss,
    accuracy: accuracy.value,
    baselineAccuracy: majorityBaseline(labels).accuracy,
    confusionMatrix: confusionMatrix(labels, predicted, { labels: classes }).matrix,
    report,
    reliability: reliabilityCurve(correct, confidence),
    expectedCalibrationError: calibration.value,
    probabilities,
    labels,
    predicted,
    warnings: [...accuracy.warnings, ...report.warnings, ...calibration.warnings],
  };
}
