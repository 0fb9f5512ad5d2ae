import type { ScoreAxis } from './score-axis.js';

/** One histogram bar: [lower, upper), the last bar closed at the top of the axis. */
export interface HistogramBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** count over all the scores given: the bars of one class sum to 1. */
  readonly share: number;
}

/**
 * Counts scores into the axis' bins. Scores outside the domain go to the nearest end bin (the
 * axis is made to cover them, so none are expected).
 */
export function scoreHistogram(scores: ArrayLike<number>, axis: ScoreAxis): HistogramBin[] {
  const [low, high] = axis.domain;
  const bins = Math.max(1, Math.round((high - low) / axis.step));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < scores.length; i++) {
    // NOTE: the 1e-9 keeps a score that sits on an edge, such as 0.3 with steps of 0.1 (which
    // 0.3 / 0.1 = 2.9999999999999996 would put one bin lower), in the bin that starts there.
    const bin = Math.floor((scores[i] - low) / axis.step + 1e-9);
    counts[Math.min(bins - 1, Math.max(0, bin))] += 1;
  }
  const edge = (index: number) => Number((low + index * axis.step).toPrecision(12));
  return counts.map((count, index) => ({
    lower: edge(index),
    upper: index === bins - 1 ? high : edge(index + 1),
    count,
    share: scores.length === 0 ? 0 : count / scores.length,
  }));
}
