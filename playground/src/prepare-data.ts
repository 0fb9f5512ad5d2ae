import * as nn from '../../src/index.js';
import type { Mistake } from './state.js';
import type { ToyData } from './toy-data.js';

/** Where the rows come from: a toy set's points, or a parsed CSV with its positive class. */
export type Source =
  | { readonly kind: 'toy'; readonly name: string; readonly data: ToyData }
  | { readonly kind: 'table'; readonly name: string; readonly table: nn.data.LabelledTable; readonly positive: number };

/** One part of the split: features (rows × cols, row-major) and 0/1 labels. */
export interface Part {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rows: number;
}

export interface PreparedData {
  readonly source: Source;
  readonly cols: number;
  readonly featureNames: readonly string[];
  readonly classNames: readonly [string, string];
  readonly train: Part;
  readonly validation: Part;
  readonly test: Part;
  /** Positive share of the rows kept, after subsampling to the prevalence asked for. */
  readonly positiveShare: number;
  readonly flipped: number;
  /** Validation rows that are copies of training rows (the duplicated-rows mistake). */
  readonly leaked: number;
  /** True when the validation rows are the last rows of the label-sorted data (validationSplit). */
  readonly sortedValidation: boolean;
}

export interface PrepareOptions {
  readonly prevalence: number;
  readonly noise: number;
  readonly seed: number;
  readonly mistakes: readonly Mistake[];
}

export const SPLIT = [0.6, 0.2, 0.2] as const;
const LEAKED_SHARE = 0.3;

function binaryLabels(source: Source): Int32Array {
  if (source.kind === 'toy') return source.data.y;
  const { labels } = source.table.target!;
  return labels.map((label) => (label === source.positive ? 1 : 0));
}

/** Rows kept so that positives are at most `prevalence` of them (never fewer than 10 positives). */
function keptRows(labels: Int32Array, prevalence: number, random: nn.Random): Int32Array {
  const positives: number[] = [];
  const negatives: number[] = [];
  labels.forEach((label, i) => (label === 1 ? positives : negatives).push(i));
  const wanted = Math.max(10, Math.round((prevalence * negatives.length) / (1 - prevalence)));
  if (wanted >= positives.length) return new Int32Array(labels.length).map((_, i) => i);
  const drawn = random.shuffle(Int32Array.from(positives)).subarray(0, wanted);
  return Int32Array.from([...negatives, ...drawn]).sort();
}

function gather(x: Float32Array, cols: number, rows: ArrayLike<number>, labels: Int32Array): Part {
  const out = new Float32Array(rows.length * cols);
  for (let r = 0; r < rows.length; r++) out.set(x.subarray(rows[r] * cols, (rows[r] + 1) * cols), r * cols);
  return { x: out, y: Float32Array.from(rows, (row) => labels[row]), rows: rows.length };
}

/**
 * The rows a training run sees: subsampled to the prevalence, labels flipped by the noise share,
 * split stratified 60/20/20 (train/validation/test) with the seed, and the data mistakes applied.
 * Tables go through nn.data.Preprocessor fitted on the training rows (standardised numbers,
 * one-hot categories); toy points are used as they are.
 */
export function prepareData(source: Source, options: PrepareOptions): PreparedData {
  const random = new nn.Random(options.seed + 1);
  const all = binaryLabels(source);
  const kept = keptRows(all, options.prevalence, random);
  const labels = Int32Array.from(kept, (row) => all[row]);
  const flips = random.shuffle(new Int32Array(labels.length).map((_, i) => i)).subarray(0, Math.round(options.noise * labels.length));
  for (const row of flips) labels[row] = 1 - labels[row];
  let [train, validation, test] = nn.data.splitIndices(labels, { fractions: [...SPLIT], stratify: true, seed: options.seed });
  let leaked = 0;
  if (options.mistakes.includes('duplicated-rows')) {
    leaked = Math.round(LEAKED_SHARE * validation.length);
    validation = validation.slice();
    for (let i = 0; i < leaked; i++) validation[i] = train[random.int(train.length)];
  }
  const sortedValidation = options.mistakes.includes('sorted-validation');
  if (sortedValidation) {
    // NOTE: Keras' validationSplit takes the LAST rows before shuffling: on rows sorted by label,
    // that is (nearly) one class.
    const both = Int32Array.from([...train, ...validation]).sort((a, b) => labels[a] - labels[b] || a - b);
    [train, validation] = [both.slice(0, train.length), both.slice(train.length)];
  }
  const common = { source, positiveShare: labels.reduce((sum, label) => sum + label, 0) / labels.length, flipped: flips.length, leaked, sortedValidation };
  if (source.kind === 'toy') {
    const x = gather(source.data.x, 2, kept, labels);
    const parts = [train, validation, test].map((rows) => gather(x.x, 2, rows, labels));
    return { ...common, cols: 2, featureNames: ['x1', 'x2'], classNames: ['0', '1'], train: parts[0], validation: parts[1], test: parts[2] };
  }
  const features = source.table.features;
  const preprocessor = nn.data.Preprocessor.fit(features, { rows: Int32Array.from(train, (row) => kept[row]) });
  const parts = [train, validation, test].map((rows) => {
    const original = Int32Array.from(rows, (row) => kept[row]);
    return { x: preprocessor.transform(features, { rows: original }).x.data, y: Float32Array.from(rows, (row) => labels[row]), rows: rows.length };
  });
  const classes = source.table.target!.classes;
  const negative = classes.length === 2 ? classes[1 - source.positive] : `not ${classes[source.positive]}`;
  return {
    ...common, cols: preprocessor.featureNames.length, featureNames: preprocessor.featureNames,
    classNames: [negative, classes[source.positive]], train: parts[0], validation: parts[1], test: parts[2],
  };
}
