/** Weighted confusion counts of a binary classifier at one threshold. */
export interface BinaryCounts {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

/**
 * yTrue (n) 0/1, yScore (n), weights (n)? → counts, predicting positive when
 * score > threshold (strict: a score equal to the threshold is negative, as Keras).
 */
export function binaryCounts(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  threshold: number,
  weights?: ArrayLike<number>,
): BinaryCounts {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? weights[i] : 1;
    const positive = yScore[i] > threshold;
    if (yTrue[i] === 1) {
      if (positive) tp += w;
      else fn += w;
    } else if (positive) fp += w;
    else tn += w;
  }
  return { tp, fp, tn, fn };
}

/** Ratio with the 0/0 = 0 convention (scikit-learn's zero_division default, Keras' divide_no_nan). */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Precision, recall and F-beta from counts, each 0 where undefined. */
export function countScores(counts: BinaryCounts, beta = 1): { precision: number; recall: number; fBeta: number } {
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const beta2 = beta * beta;
  const denominator = beta2 * precision + recall;
  return { precision, recall, fBeta: denominator === 0 ? 0 : ((1 + beta2) * precision * recall) / denominator };
}
