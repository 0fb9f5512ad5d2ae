import { DataError } from '../errors.js';
import { Random } from '../random/random.js';
import { foldsFromAssignment, type Fold } from './fold.js';
import { checkFolds, type KFoldOptions } from './stratified-k-fold.js';

/**
 * Group k-fold: the rows of one group (rows; a number or a string per row) are never split
 * between folds. Groups are dealt out largest first, each to the fold with the fewest rows so far
 * (the first such fold), as scikit-learn 1.2's GroupKFold does; groups are numbered in sorted
 * order (numbers by value, strings by code unit). Without shuffling, groups of equal size go in
 * descending group order: sklearn's order whenever its sort is stable, which NumPy's is for up to
 * 16 groups (beyond that, equal-sized groups may be ordered differently). Shuffling (seeded)
 * orders equal-sized groups at random instead.
 */
export function groupKFold(groups: ArrayLike<number | string>, k: number, options: KFoldOptions = {}): Fold[] {
  checkFolds(k, groups.length);
  const values = Array.from(groups);
  const unique = [...new Set(values)].sort(compareValues);
  if (unique.length < k) {
    throw new DataError('data/too-few-groups', `${k} folds need at least ${k} groups, but there are ${unique.length}; use fewer folds.`);
  }
  const index = new Map(unique.map((value, g) => [value, g]));
  const groupOf = Int32Array.from(values, (value) => index.get(value)!);
  const sizes = new Int32Array(unique.length);
  for (const g of groupOf) sizes[g]++;
  const tieBreak = Int32Array.from(unique, (_, g) => g);
  if (options.shuffle === true) new Random(options.seed ?? 42).shuffle(tieBreak);
  const order = Array.from(unique, (_, g) => g).sort((a, b) => sizes[b] - sizes[a] || tieBreak[b] - tieBreak[a]);
  const foldRows = new Float64Array(k);
  const foldOfGroup = new Int32Array(unique.length);
  for (const g of order) {
    let lightest = 0;
    for (let j = 1; j < k; j++) if (foldRows[j] < foldRows[lightest]) lightest = j;
    foldRows[lightest] += sizes[g];
    foldOfGroup[g] = lightest;
  }
  return foldsFromAssignment(Int32Array.from(groupOf, (g) => foldOfGroup[g]), k);
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
