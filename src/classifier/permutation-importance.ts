import { argmax } from '../data/argmax.js';
import type { Preprocessor } from '../data/preprocessor.js';
import type { LabelledTable } from '../data/table-builder.js';
import type { Column, Table } from '../data/table.js';
import { ConfigError, show } from '../errors.js';
import { rocAucScore } from '../metrics/evaluation/roc-auc-score.js';
import type { Model } from '../model/model.js';
import { Random } from '../random/random.js';
import { classIndices } from './table-labels.js';

export interface PermutationImportanceOptions {
  /** Shuffles per column. Default 5. */
  readonly repeats?: number;
  /** Seeds the shuffles. Default 42. */
  readonly seed?: number;
  /** 'rocAuc' (two classes; the default there) or 'accuracy' (the default for more classes). */
  readonly metric?: 'rocAuc' | 'accuracy';
  /**
   * Row orders to use instead of seeded shuffles, one per repeat (so `repeats` is their count),
   * each applied to every column in turn: column c's values in repeat r become
   * `values[permutations[r][row]]`. For reproducing another tool's shuffles, e.g.
   * scikit-learn's permutation_importance, which shuffles every column by the same sequence.
   */
  readonly permutations?: readonly (readonly number[] | Int32Array)[];
}

/** How much the score drops when one raw column's values are shuffled among the rows. */
export interface ColumnImportance {
  readonly column: string;
  /** Mean drop over the repeats (score on the rows − score with the column shuffled). */
  readonly mean: number;
  /** Standard deviation of the drop over the repeats (ddof 0, as scikit-learn's). */
  readonly sd: number;
  readonly drops: readonly number[];
}

export interface PermutationImportance {
  readonly metric: 'rocAuc' | 'accuracy';
  /** The score on the rows as they are. */
  readonly baseline: number;
  /** One per input column, largest mean drop first. */
  readonly columns: readonly ColumnImportance[];
}

/**
 * Permutation importance on the raw columns (scikit-learn's permutation_importance, with the
 * preprocessing inside): each column's values are shuffled among the rows, seeded, `repeats`
 * times, and the rows go through the saved preprocessing again, so a categorical column's one-hot
 * units (and a missing-value indicator) move together. Binary scores are the positive class's
 * probability (ROC-AUC needs no threshold); accuracy uses the classifier's threshold.
 */
export function permutationImportance(
  parts: { readonly model: Pick<Model, 'predictProbabilities'>; readonly preprocessor: Preprocessor; readonly classNames: readonly string[]; readonly threshold: number },
  table: LabelledTable,
  options: PermutationImportanceOptions = {},
): PermutationImportance {
  const { seed = 42, permutations } = options;
  const repeats = permutations?.length ?? options.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1) throw new ConfigError('config/repeats', `repeats must be a whole number of 1 or more, e.g. 5, but is ${show(repeats)}.`);
  if (permutations !== undefined) checkPermutations(permutations, table.features.rows, options.repeats);
  const binary = parts.classNames.length === 2;
  const metric = options.metric ?? (binary ? 'rocAuc' : 'accuracy');
  if (metric !== 'rocAuc' && metric !== 'accuracy') throw new ConfigError('config/metric', `metric must be "rocAuc" or "accuracy", but is ${show(metric)}.`);
  if (metric === 'rocAuc' && !binary) throw new ConfigError('config/metric', `metric "rocAuc" needs two classes, but the classifier has ${parts.classNames.length}; use "accuracy".`);
  const labels = classIndices(table, parts.classNames, 'permutationImportance');
  const score = (features: Table): number => {
    const probabilities = parts.model.predictProbabilities(parts.preprocessor.transform(features).x, { verbose: 0 });
    if (metric === 'rocAuc') return rocAucScore(labels, probabilities.data).value;
    const predicted = binary ? Int32Array.from(probabilities.data, (p) => (p > parts.threshold ? 1 : 0)) : argmax(probabilities);
    return predicted.filter((k, row) => k === labels[row]).length / labels.length;
  };
  const baseline = score(table.features);
  const random = new Random(seed);
  const columns = table.features.columns.map((column, c) => {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const order = permutations === undefined ? random.shuffle(Int32Array.from({ length: table.features.rows }, (_, row) => row)) : Int32Array.from(permutations[r]);
      const shuffled = table.features.columns.map((other, o) => (o === c ? permuted(column, order) : other));
      drops.push(baseline - score({ ...table.features, columns: shuffled }));
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const sd = Math.sqrt(drops.reduce((a, b) => a + (b - mean) ** 2, 0) / repeats);
    return { column: column.name, mean, sd, drops };
  });
  return { metric, baseline, columns: columns.sort((a, b) => b.mean - a.mean) };
}

/** Each order a permutation of the rows 0 … rows − 1, as many as `repeats` if both are given. */
function checkPermutations(permutations: readonly (readonly number[] | Int32Array)[], rows: number, repeats: number | undefined): void {
  if (repeats !== undefined && repeats !== permutations.length) {
    throw new ConfigError('config/repeats', `repeats is ${show(repeats)} but ${permutations.length} permutations were given; give one of them (the permutations set the repeats).`);
  }
  permutations.forEach((order, r) => {
    const seen = new Uint8Array(rows);
    const ok = order.length === rows && Array.from(order).every((row) => Number.isInteger(row) && row >= 0 && row < rows && seen[row]++ === 0);
    if (!ok) {
      throw new ConfigError('config/permutation', `permutations[${r}] must hold each row index from 0 to ${rows - 1} once (the table has ${rows} rows), but does not; its first values are ${show(Array.from(order).slice(0, 5))}.`);
    }
  });
}

function permuted(column: Column, order: Int32Array): Column {
  if (column.kind === 'categorical') return { ...column, codes: Int32Array.from(order, (row) => column.codes[row]) };
  return { ...column, values: Float32Array.from(order, (row) => column.values[row]) };
}
