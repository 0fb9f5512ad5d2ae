import type { Loss } from '../losses/loss.js';
import type { Metric } from '../metrics/metric.js';
import type { Tensor } from '../tensor/tensor.js';
import { diagnose, type Diagnostic, type DiagnosticStage } from './diagnostic.js';
import type { FeatureStats } from './feature-stats.js';
import { short } from './format.js';
import { classShares, labelClasses, type LabelClasses } from './label-classes.js';
import type { RowHashes } from './row-hashes.js';

/** What fit hands the doctor once the training and validation rows are known. */
export interface TrainingData {
  readonly train: { readonly x: Tensor; readonly y: Tensor };
  readonly validation: { readonly x: Tensor; readonly y: Tensor } | undefined;
  /** The fraction, when the validation rows are validationSplit's last rows. */
  readonly validationSplit: number | undefined;
  /** Whether fit was given classWeight or sampleWeight. */
  readonly weighted: boolean;
  readonly loss: Loss;
  readonly metrics: readonly Metric[];
  /** Whether the input goes straight into a BatchNormalization layer (which normalizes it). */
  readonly normalizesInput: boolean;
  readonly stats: FeatureStats;
  readonly trainingRows: RowHashes;
  readonly names: readonly string[] | undefined;
}

/** Majority share at or above which accuracy alone misleads (a 3 : 1 split and worse). */
const PARADOX_BASELINE = 0.75;
/** Ratio of the widest to the narrowest feature range that calls for normalization. */
const SCALE_RATIO = 100;
/** A feature magnitude beyond which unnormalized inputs saturate activations. */
const SCALE_MAGNITUDE = 1000;

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const sharesText = (shares: readonly number[]) => shares.map((s, c) => `class ${c} ${percent(s)}`).join(', ');
const column = (j: number, names: readonly string[] | undefined) =>
  (names?.[j] !== undefined ? `"${names[j]}"` : `column ${j}`);

function singleClass(classes: LabelClasses): Diagnostic | undefined {
  const { present, majority } = classShares(classes.counts);
  if (present !== 1) return undefined;
  return diagnose('single-class-labels', 'fit', {
    what: `Every training label is class ${majority}.`,
    why: 'With one class there is nothing to tell apart: the model learns to output that class ' +
      'for every row, and accuracy is 1.0 on these labels whatever the features say.',
    fix: 'Check the label column and any filter or split that produced the rows (a sorted file ' +
      'split by position often does this); train on rows of every class.',
  }, { class: majority, rows: classes.classes.length });
}

function unscaled(data: TrainingData): Diagnostic | undefined {
  if (data.normalizesInput) return undefined;
  const { min, max } = data.stats;
  let widest = -1;
  let narrowest = -1;
  let largest = 0;
  for (let j = 0; j < min.length; j++) {
    const range = max[j] - min[j];
    largest = Math.max(largest, Math.abs(min[j]), Math.abs(max[j]));
    if (range <= 0) continue;
    if (widest === -1 || range > max[widest] - min[widest]) widest = j;
    if (narrowest === -1 || range < max[narrowest] - min[narrowest]) narrowest = j;
  }
  if (widest === -1) return undefined;
  const ratio = (max[widest] - min[widest]) / (max[narrowest] - min[narrowest]);
  if (ratio < SCALE_RATIO && largest < SCALE_MAGNITUDE) return undefined;
  const range = (j: number) => `${column(j, data.names)} spans ${short(min[j])} to ${short(max[j])}`;
  return diagnose('unscaled-features', 'fit', {
    what: ratio >= SCALE_RATIO
      ? `The features are on very different scales: ${range(widest)} while ${range(narrowest)} ` +
        `(${short(ratio)} times wider).`
      : `The features are large: ${range(widest)}, with values up to ${short(largest)}.`,
    why: 'Gradient descent takes the same step size for every weight, so the widest features ' +
      'dominate the first updates and saturate activations while the narrow ones barely move; ' +
      'training is slow or stalls.',
    fix: 'Standardize each feature with the training rows\' mean and standard deviation, (x - ' +
      'mean) / std: new nn.data.StandardScaler().fit(xTrain), then transform both xTrain and new ' +
      'rows; or start the model with a BatchNormalization layer.',
  }, { ratio, largest, widest, narrowest });
}

function matches(metric: Metric, pattern: RegExp): boolean {
  return pattern.test(metric.name) || pattern.test(metric.getConfig().className);
}

/** Metrics that see the rare class: precision, recall, F-scores, AUC, confusion counts. */
const SEES_MINORITY = /precision|recall|f1|fbeta|auc|positives|negatives/i;

function accuracyParadox(data: TrainingData, classes: LabelClasses): Diagnostic | undefined {
  const { shares, majority, present } = classShares(classes.counts);
  const baseline = shares[majority];
  if (present < 2 || baseline < PARADOX_BASELINE) return undefined;
  const judged = data.metrics.some((m) => matches(m, /acc/i)) && !data.metrics.some((m) => matches(m, SEES_MINORITY));
  if (!judged) return undefined;
  const rows = classes.classes.length;
  const balanced = classes.counts.map((n) => (n === 0 ? 0 : rows / (present * n)));
  const weights = balanced.map((w, c) => `${c}: ${w.toFixed(2)}`).join(', ');
  return diagnose('accuracy-paradox', 'fit', {
    what: `${percent(baseline)} of the training labels are class ${majority}, and the model is ` +
      `judged by accuracy without precision, recall or AUC.`,
    why: `A model that always predicts class ${majority} already scores ${baseline.toFixed(3)} ` +
      `accuracy (the majority baseline), so a high accuracy says little about whether the model ` +
      `finds the other class${present > 2 ? 'es' : ''}.`,
    fix: "Compile with metrics: ['accuracy', 'precision', 'recall', 'auc'] and compare accuracy with the baseline" +
      (data.weighted ? '.' : `; to make the rare class count more, pass classWeight: { ${weights} } to fit (balanced weights).`),
  }, { baseline, majority, shares, suggestedClassWeight: balanced });
}

/** validationSplit takes the last rows: flag them when they are one class or a very different mix. */
function sortedSplit(data: TrainingData, train: LabelClasses, validation: LabelClasses): Diagnostic | undefined {
  const k = Math.max(train.counts.length, validation.counts.length);
  const pad = (c: readonly number[]) => Array.from({ length: k }, (_, i) => c[i] ?? 0);
  const pt = classShares(pad(train.counts));
  const pv = classShares(pad(validation.counts));
  const nv = validation.classes.length;
  let single = false;
  let worstZ = 0;
  let worstDiff = 0;
  if (pv.present === 1 && pt.present >= 2) {
    // NOTE: one class by chance has probability share^rows; only a very unlikely draw is flagged.
    single = pt.shares[pv.majority] ** nv < 1e-3;
  }
  for (let c = 0; c < k; c++) {
    const p = pt.shares[c];
    const diff = Math.abs(pv.shares[c] - p);
    const z = p > 0 && p < 1 ? diff / Math.sqrt((p * (1 - p)) / nv) : diff > 0 ? Infinity : 0;
    if (z > worstZ) worstZ = z;
    worstDiff = Math.max(worstDiff, diff);
  }
  if (!single && !(worstZ >= 4 && worstDiff >= 0.15)) return undefined;
  return diagnose('validation-split-sorted', 'fit', {
    what: `validationSplit: ${data.validationSplit} holds out the last ${nv} rows, and they are ` +
      (single ? `all class ${pv.majority}` : `${sharesText(pv.shares)}`) + ` against ${sharesText(pt.shares)} in the training rows.`,
    why: 'validationSplit takes the last rows before any shuffling (as Keras does); when the ' +
      'rows are sorted by label, validation measures a different population and val_loss and ' +
      'val_accuracy mislead.',
    fix: 'Shuffle the rows before fit, or split them with a stratified split, ' +
      'nn.trainTestSplit(x, y, { testSize: 0.2, stratify: true }), and pass validationData ' +
      'instead of validationSplit.',
  }, { trainShares: pt.shares, validationShares: pv.shares, validationRows: nv });
}

/**
 * Counts rows of `x` that also appear in the training rows. Warns when they are more than 1%
 * of x and clearly more than the training rows' own duplicate rate (so naturally repeated rows
 * of low-cardinality data are not called a leak).
 */
export function leakage(
  training: RowHashes, x: Tensor, stage: DiagnosticStage, what: string,
): Diagnostic | undefined {
  if (x.rows === 0 || training.size === 0) return undefined;
  const { count, rows } = training.overlap(x);
  const share = count / x.rows;
  const ownRate = training.duplicates / training.size;
  if (count === 0 || share < 0.01 || share <= 2 * ownRate) return undefined;
  return diagnose('data-leakage', stage, {
    what: `${count} of the ${x.rows} ${what} rows (${percent(share)}) also appear, value for ` +
      `value, in the training rows (e.g. rows ${rows.join(', ')}).`,
    why: 'The model has already seen those rows with their labels, so scores on them measure ' +
      'memory, not generalization, and look better than the model is.',
    fix: 'Split the data once into disjoint parts before any oversampling or augmentation, drop ' +
      'exact duplicate rows first, and never add test rows to the training rows.',
  }, { count, share, rows });
}

/** Every check of the training data; findings in the order a person would fix them. */
export function trainingDataDiagnostics(data: TrainingData): Diagnostic[] {
  const found: Diagnostic[] = [];
  const add = (d: Diagnostic | undefined) => {
    if (d) found.push(d);
  };
  const classes = labelClasses(data.loss, data.train.y);
  if (classes) add(singleClass(classes));
  add(unscaled(data));
  if (classes) add(accuracyParadox(data, classes));
  if (data.validation && data.validationSplit !== undefined && classes) {
    const validation = labelClasses(data.loss, data.validation.y);
    if (validation) add(sortedSplit(data, classes, validation));
  }
  if (data.validation) add(leakage(data.trainingRows, data.validation.x, 'fit', 'validation'));
  return found;
}
