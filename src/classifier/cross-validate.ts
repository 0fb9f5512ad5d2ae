import { ConfigError, show } from '../errors.js';
import { getColumn } from '../data/table.js';
import type { TrainClassifierOptions } from './classifier-options.js';
import { cvSplits, type CvMethod } from './cv-folds.js';
import { foldMetrics, majorityMetrics, summarize, type FoldMetrics, type MeanSd } from './cv-metrics.js';
import { fitClassifier, type OptionName } from './fit-classifier.js';
import type { TrainingTable } from './training-plan.js';

export interface CrossValidateOptions extends Omit<TrainClassifierOptions, 'testSplit' | 'onPlan'> {
  /** Number of folds, 2 or more. Default 5. */
  readonly folds?: number;
  /** Group k-fold: rows with the same value in this column are never split between folds. */
  readonly group?: string;
  /** Time-ordered folds (scikit-learn's TimeSeriesSplit): by this column, or `true` for row order. */
  readonly time?: string | true;
  /** Shuffle rows (stratified) or equal-sized groups among the folds, seeded. Default true. */
  readonly shuffle?: boolean;
  /** Also train a logistic regression (the same pipeline with hidden []) per fold. Default true. */
  readonly logistic?: boolean;
  /** Told when a fold starts (0-based), e.g. for progress output. */
  readonly onFold?: (fold: number, folds: number) => void;
}

export interface CvFold {
  /** Row indices into the table: trained on, validated on (early stopping, threshold), tested on. */
  readonly rows: { readonly train: Int32Array; readonly validation: Int32Array; readonly test: Int32Array };
  readonly metrics: FoldMetrics;
  readonly majority: FoldMetrics;
  readonly logistic?: FoldMetrics;
  /** Binary: the threshold chosen on the fold's validation rows. */
  readonly threshold?: number;
  /** Epochs of the weights early stopping kept. */
  readonly epochs: number;
}

export interface CrossValidation {
  readonly method: CvMethod;
  readonly classNames: readonly string[];
  readonly folds: readonly CvFold[];
  /** Mean ± sd over the folds of the model, the majority baseline and the logistic baseline. */
  readonly summary: {
    readonly model: Record<string, MeanSd>;
    readonly majority: Record<string, MeanSd>;
    readonly logistic?: Record<string, MeanSd>;
  };
  /**
   * Out-of-fold predictions of every tested row (time-ordered folds never test the earliest
   * rows): `rows` row indices, `fold` per row, `probabilities` (rows × columns: binary the
   * positive class's, else one per class), `predicted` class indices, `labels`.
   */
  readonly outOfFold: {
    readonly rows: Int32Array;
    readonly fold: Int32Array;
    readonly columns: number;
    readonly probabilities: Float64Array;
    readonly predicted: Int32Array;
    readonly labels: Int32Array;
  };
}

/**
 * K-fold cross-validation of trainClassifier's pipeline: per fold, everything (preprocessing,
 * early stopping, the threshold) is fitted on the fold's training rows and the fold's test rows
 * are touched once, to score it. Stratified k-fold by default; `group` for group k-fold, `time`
 * for time-ordered folds. The group or time column forms the folds and is not a feature.
 *
 *   const cv = await nn.crossValidate(table, { folds: 5, seed: 42 });
 *   cv.summary.model.rocAuc;   // { mean, sd }
 */
export async function crossValidate(table: TrainingTable, options: CrossValidateOptions = {}, option: OptionName = (name) => name): Promise<CrossValidation> {
  const { folds = 5, group, time, shuffle = true, logistic = true, onFold, ...training } = options;
  if (group !== undefined && time !== undefined) {
    throw new ConfigError('config/cv-method', `crossValidate takes group or time, not both (group ${show(group)}, time ${show(time)}); choose one.`);
  }
  const target = table.target;
  if (target === undefined) {
    throw new ConfigError('config/no-target', 'crossValidate needs a labelled table; read it with its target, e.g. parseCsv(text, { target: "label" }).');
  }
  const seed = training.seed ?? 42;
  const validationSplit = training.validationSplit ?? 0.25;
  const { method, splits } = cvSplits(table, { folds, group, time: time, shuffle, seed, validationSplit });
  const key = group ?? (typeof time === 'string' ? time : undefined);
  if (key !== undefined) getColumn(table.features, key);
  const fitted: TrainingTable = key === undefined ? table : { ...table, features: { ...table.features, columns: table.features.columns.filter((c) => c.name !== key) } };
  const classes = target.classes.length;
  const columns = classes === 2 ? 1 : classes;
  const tested = splits.reduce((n, split) => n + split.test.length, 0);
  const oof = {
    rows: new Int32Array(tested),
    fold: new Int32Array(tested),
    columns,
    probabilities: new Float64Array(tested * columns),
    predicted: new Int32Array(tested),
    labels: new Int32Array(tested),
  };
  const results: CvFold[] = [];
  let at = 0;
  for (const [j, split] of splits.entries()) {
    onFold?.(j, splits.length);
    const classifier = await fitClassifier(fitted, { ...training, testSplit: 0.2 }, option, undefined, split);
    const run = classifier.trainingRun!;
    const test = run.test;
    const probabilities = test.task === 'binary' ? test.scores : test.probabilities.data;
    oof.probabilities.set(probabilities, at * columns);
    split.test.forEach((row, i) => {
      oof.rows[at + i] = row;
      oof.fold[at + i] = j;
      oof.labels[at + i] = target.labels[row];
      oof.predicted[at + i] = test.task === 'binary' ? (test.scores[i] > classifier.threshold ? 1 : 0) : test.predicted[i];
    });
    at += split.test.length;
    const trainLabels = Int32Array.from([...split.train, ...split.validation], (row) => target.labels[row]);
    const baseline = logistic ? await fitClassifier(fitted, { ...training, hidden: [], testSplit: 0.2 }, option, undefined, split) : undefined;
    results.push({
      // NOTE: the classifier's own split: an ensemble trains its members on the validation rows too.
      rows: run.split,
      metrics: foldMetrics(test),
      majority: majorityMetrics(trainLabels, Int32Array.from(split.test, (row) => target.labels[row]), classes),
      ...(baseline === undefined ? {} : { logistic: foldMetrics(baseline.trainingRun!.test) }),
      ...(run.threshold === undefined ? {} : { threshold: run.threshold.value }),
      epochs: run.bestEpoch + 1,
    });
  }
  return {
    method,
    classNames: target.classes,
    folds: results,
    summary: {
      model: summarize(results.map((fold) => fold.metrics)),
      majority: summarize(results.map((fold) => fold.majority)),
      ...(logistic ? { logistic: summarize(results.map((fold) => fold.logistic!)) } : {}),
    },
    outOfFold: oof,
  };
}
