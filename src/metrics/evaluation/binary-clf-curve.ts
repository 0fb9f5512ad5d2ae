/**
 * The counts behind every binary curve: for each distinct score s (decreasing), the weighted
 * true positives and false positives among samples with score >= s. Curves use >= at a score
 * (scikit-learn's convention); thresholded metrics use score > threshold.
 */
export interface BinaryClfCurve {
  /** Distinct scores, decreasing. */
  readonly thresholds: Float64Array;
  /** Cumulative weighted false positives at each threshold. */
  readonly fps: Float64Array;
  /** Cumulative weighted true positives at each threshold. */
  readonly tps: Float64Array;
}

/**
 * yTrue (n) 0/1, yScore (n), weights (n) or undefined → counts at each distinct score.
 * Samples with weight exactly 0 are removed first (scikit-learn 1.2), so their scores are
 * not thresholds. Inputs are assumed validated.
 */
export function binaryClfCurve(
  yTrue: Float64Array,
  yScore: Float64Array,
  weights: Float64Array | undefined,
): BinaryClfCurve {
  let keep: number[] = [];
  for (let i = 0; i < yTrue.length; i++) if (!weights || weights[i] !== 0) keep.push(i);
  // NOTE: scikit-learn sorts ascending with a stable merge sort and reverses, so tied scores
  // end up in reverse input order; we do the same so weighted cumulative sums add up in the
  // same order and the intermediate-point dropping sees the same bits.
  keep.sort((a, b) => yScore[a] - yScore[b]);
  keep = keep.reverse();
  const m = keep.length;
  const thresholds: number[] = [];
  const fps: number[] = [];
  const tps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < m; r++) {
    const i = keep[r];
    if (weights) {
      tp += yTrue[i] * weights[i];
      fp += (1 - yTrue[i]) * weights[i];
    } else {
      tp += yTrue[i];
    }
    const lastOfGroup = r === m - 1 || yScore[keep[r + 1]] !== yScore[i];
    if (lastOfGroup) {
      thresholds.push(yScore[i]);
      tps.push(tp);
      // NOTE: unweighted, false positives are (rank + 1) - tp, exact in integers.
      fps.push(weights ? fp : r + 1 - tp);
    }
  }
  return { thresholds: Float64Array.from(thresholds), fps: Float64Array.from(fps), tps: Float64Array.from(tps) };
}
