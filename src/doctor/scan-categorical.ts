import { PairCounter, type Separation } from './class-separation.js';
import type { ColumnScan, ScannedRows } from './column-scan.js';

/**
 * Categories with fewer training rows than this share one group when the categorical column is
 * scored: a category seen twice is "pure" by chance, and an identifier-like column of unique
 * values would otherwise look like a perfect predictor.
 */
export const MIN_CATEGORY_ROWS = 5;

/**
 * Scans a categorical column (codes, −1 missing): each category (missing being one more) is
 * scored, for each pair of classes, by its share of the first class, and the pair's AUC is
 * read off the categories in that order, the best any ordering of the categories can do.
 */
export function scanCategorical(codes: Int32Array, levels: number, data: ScannedRows): ColumnScan {
  const { rows, classes, classCount: k } = data;
  // counts[(level + 1) · k + class]; level −1 (missing) first
  const counts = new Float64Array((levels + 1) * k);
  for (let i = 0; i < rows.length; i++) counts[(codes[rows[i]] + 1) * k + classes[i]]++;
  const groups: Float64Array[] = [];
  const rare = new Float64Array(k);
  let distinct = 0;
  for (let level = 0; level <= levels; level++) {
    const row = counts.subarray(level * k, (level + 1) * k);
    const total = row.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    if (level > 0) distinct++;
    if (total < MIN_CATEGORY_ROWS) row.forEach((c, j) => (rare[j] += c));
    else groups.push(row);
  }
  if (rare.some((c) => c > 0)) groups.push(rare);
  const missing = counts.subarray(0, k).reduce((a, b) => a + b, 0);
  return { separation: categoricalSeparation(groups, k), rows: rows.length, missing, distinct, integers: false, monotone: false };
}

/** The worst pair's separation when each pair of classes orders the groups by its own share. */
function categoricalSeparation(groups: readonly Float64Array[], k: number): Separation | undefined {
  let worst: Separation | undefined;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const pair = groups
        .map((g) => ({ a: g[a], b: g[b], share: g[a] / (g[a] + g[b]) }))
        .filter((g) => g.a + g.b > 0)
        .sort((x, y) => x.share - y.share);
      const counter = new PairCounter(2);
      const count = new Float64Array(2);
      for (let i = 0; i < pair.length;) {
        count.fill(0);
        let j = i;
        for (; j < pair.length && pair[j].share === pair[i].share; j++) {
          count[0] += pair[j].a;
          count[1] += pair[j].b;
        }
        counter.add(count, [0, 1]);
        i = j;
      }
      const found = counter.separation();
      if (found !== undefined && (worst === undefined || found.value < worst.value)) worst = { value: found.value, classes: [a, b] };
    }
  }
  return worst;
}
