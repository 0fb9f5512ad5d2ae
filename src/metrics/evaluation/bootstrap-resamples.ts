import { Random } from '../../random/random.js';

/** The statistics of one weighted resample: counts at the threshold and the ROC AUC's parts. */
export interface ResampleSums {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Tie-aware area under the ROC curve, unnormalized, and the class totals it divides by. */
  area: number;
  positives: number;
  negatives: number;
}

/**
 * Draws `resamples` bootstrap resamples of n rows (n draws with replacement, seeded) and calls
 * `visit` with each resample's sums. The draws are those of `new Random(seed).int(n)` one by one.
 *
 * NOTE: the rows are kept in decreasing score order (`order`, ties ending where `groupEnd[r]`
 * is 1), so one sequential pass gives both the exact AUC and the confusion counts: rows scored
 * above the threshold are a prefix of that order. With unit or whole-number weights every sum is
 * exact, so the results equal those of counting row by row; fractional weights are summed in
 * score order, which can change a sum's last digit.
 */
export function bootstrapResamples(
  labels: Float64Array, scores: Float64Array, weights: Float64Array, threshold: number,
  order: Int32Array, groupEnd: Uint8Array, resamples: number, seed: number,
  visit: (sums: ResampleSums) => void,
): void {
  const n = labels.length;
  const rankOf = new Int32Array(n);
  const positiveAt = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    rankOf[order[r]] = r;
    positiveAt[r] = labels[order[r]] === 1 ? 1 : 0;
  }
  let above = 0;
  while (above < n && scores[order[above]] > threshold) above++;
  const random = new Random(seed);
  const draws = new Uint32Array(n);
  const unit = weights.every((w) => w === 1);
  // NOTE: with unit weights a resample's weights are draw counts, kept in an Int32Array: half
  // the memory the random-access scatter below touches, and it is where the time goes.
  const weightAt = unit ? new Int32Array(n) : new Float64Array(n);
  const sums: ResampleSums = { tp: 0, fp: 0, tn: 0, fn: 0, area: 0, positives: 0, negatives: 0 };
  for (let b = 0; b < resamples; b++) {
    weightAt.fill(0);
    random.fillUint32(draws);
    // NOTE: ⌊u · n / 2^32⌋ is Random.int(n) = ⌊(u / 2^32) · n⌋: scaling by 2^-32 is exact.
    if (unit) {
      for (let k = 0; k < n; k++) weightAt[rankOf[Math.floor((draws[k] * n) / 4294967296)]]++;
    } else {
      for (let k = 0; k < n; k++) {
        const i = Math.floor((draws[k] * n) / 4294967296);
        weightAt[rankOf[i]] += weights[i];
      }
    }
    let positives = 0;
    let negatives = 0;
    let area = 0;
    let groupPositives = 0;
    let groupNegatives = 0;
    for (let r = 0; r < n; r++) {
      // NOTE: adding w · 0 is exact, so these branch-free sums equal the if / else ones.
      const w = weightAt[r];
      const positive = w * positiveAt[r];
      groupPositives += positive;
      groupNegatives += w - positive;
      if (groupEnd[r] === 1) {
        area += groupNegatives * (positives + groupPositives / 2);
        positives += groupPositives;
        negatives += groupNegatives;
        groupPositives = 0;
        groupNegatives = 0;
      }
      if (r === above - 1) {
        sums.tp = positives + groupPositives;
        sums.fp = negatives + groupNegatives;
      }
    }
    if (above === 0) sums.tp = sums.fp = 0;
    sums.fn = positives - sums.tp;
    sums.tn = negatives - sums.fp;
    sums.area = area;
    sums.positives = positives;
    sums.negatives = negatives;
    visit(sums);
  }
}
