import { ConfigError, DataError, show } from '../errors.js';
import { Random, globalRandom } from '../random/random.js';
import { snap, stratifiedCounts } from './stratified-counts.js';

export interface SplitOptions {
  /** The share of rows in each part, summing to 1: [0.8, 0.2] or [0.7, 0.15, 0.15]. */
  readonly fractions: readonly number[];
  /** Seeds a private generator; without it the split draws from the global one (nn.setSeed). */
  readonly seed?: number;
  /** Keep each class's share (nearly) the same in every part. Default false. */
  readonly stratify?: boolean;
  /** Shuffle before splitting (default true); false gives consecutive blocks in row order. */
  readonly shuffle?: boolean;
}

/**
 * Splits row indices into parts (train / validation / test) of the given fractions. Part sizes
 * are n × fraction rounded by largest remainder, so they always add up to n. Stratified, every
 * class's count in every part is its share rounded down or up (see stratifiedCounts) while each
 * part keeps its exact size. Returns one Int32Array of row indices per part.
 * `labels` gives each row's class (any number); pass a row count when not stratifying.
 */
export function splitIndices(labels: ArrayLike<number> | number, options: SplitOptions): Int32Array[] {
  const n = typeof labels === 'number' ? labels : labels.length;
  const fractions = checkFractions(options.fractions);
  const stratify = options.stratify ?? false;
  const shuffle = options.shuffle ?? true;
  const random = options.seed === undefined ? globalRandom : new Random(options.seed);
  if (stratify && !shuffle) {
    throw new ConfigError('config/stratify-without-shuffle', 'A stratified split needs shuffle: true (the rows of each class are drawn at random).');
  }
  if (stratify && typeof labels === 'number') {
    throw new ConfigError('config/stratify-without-labels', 'A stratified split needs the labels, not a row count; pass the class of each row.');
  }
  const sizes = apportion(n, fractions);
  if (sizes.some((size) => size === 0)) {
    throw new DataError(
      'data/too-few-rows',
      `${n} rows cannot be split into parts of ${fractions.join(' / ')}: a part would be empty (sizes ${sizes.join(' / ')}). Use more rows or larger fractions.`,
    );
  }
  if (!stratify) {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    if (shuffle) random.shuffle(order);
    const parts: Int32Array[] = [];
    let start = 0;
    for (const size of sizes) parts.push(order.slice(start, (start += size)));
    return parts;
  }
  const groups = groupByClass(labels as ArrayLike<number>);
  const counts = stratifiedCounts(groups.map((group) => group.length), fractions, sizes);
  const parts = sizes.map((size) => new Int32Array(size));
  const filled = sizes.map(() => 0);
  groups.forEach((group, k) => {
    const members = random.shuffle(Int32Array.from(group));
    let start = 0;
    counts[k].forEach((count, j) => {
      parts[j].set(members.subarray(start, start + count), filled[j]);
      filled[j] += count;
      start += count;
    });
  });
  for (const part of parts) random.shuffle(part);
  return parts;
}

function checkFractions(fractions: readonly number[]): readonly number[] {
  const sum = Array.isArray(fractions) ? fractions.reduce((a, b) => a + b, 0) : NaN;
  if (!Array.isArray(fractions) || fractions.length < 2 || fractions.some((f) => !(f > 0 && f < 1)) || Math.abs(sum - 1) > 1e-6) {
    throw new ConfigError(
      'config/fractions',
      `fractions must be two or more numbers between 0 and 1 that add up to 1, e.g. [0.8, 0.2], but are ${show(fractions)}` +
        `${Array.isArray(fractions) ? ` (${fractions.join(', ')})` : ''}.`,
    );
  }
  return fractions;
}

/** Largest-remainder rounding of total × fractions to integers that add up to total. */
export function apportion(total: number, fractions: readonly number[]): number[] {
  const exact = fractions.map((f) => snap(total * f));
  const sizes = exact.map(Math.floor);
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((_, j) => j).sort((a, b) => exact[b] - sizes[b] - (exact[a] - sizes[a]) || a - b);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) sizes[order[i]]++;
  return sizes;
}

function groupByClass(labels: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== label) throw new DataError('data/not-finite', `Label ${i} is NaN; every row needs a class to stratify on.`, { row: i });
    let group = groups.get(label);
    if (group === undefined) groups.set(label, (group = []));
    group.push(i);
  }
  // NOTE: classes in sorted order, so the random draws do not depend on which class comes first.
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, rows]) => rows);
}
