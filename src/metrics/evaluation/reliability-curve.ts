import { ConfigError, show } from '../../errors.js';
import { binaryLabels, probabilities, sampleWeights, type Numbers } from './inputs.js';
import { wilsonInterval } from './wilson-interval.js';

export interface ReliabilityBin {
  /** The bin's edges: [lower, upper), the last bin closed at 1. */
  readonly lower: number;
  readonly upper: number;
  /** Mean predicted probability in the bin (weighted): the model's confidence. */
  readonly meanPredicted: number;
  /** Fraction of positives in the bin (weighted): what actually happened. */
  readonly fractionPositive: number;
  /** Samples in the bin, and their total weight. */
  readonly count: number;
  readonly weight: number;
  /**
   * 95% Wilson score interval of fractionPositive: how far the observed fraction could be from
   * the bin's true rate by chance alone. Over the bin's count, or with sample weights its
   * effective size (Σw)² / Σw² (Kish), so a bin carried by a few heavy rows stays wide.
   */
  readonly interval: { readonly lower: number; readonly upper: number };
}

export interface ReliabilityOptions {
  /** Number of bins (default 10). */
  readonly bins?: number;
  /** 'uniform' (default): equal-width bins on [0, 1]; 'quantile': about equal counts per bin. */
  readonly strategy?: 'uniform' | 'quantile';
  readonly sampleWeight?: Numbers;
}

/** Bin edges (bins + 1), increasing. Quantile edges are the linear percentiles of the scores. */
function binEdges(p: Float64Array, bins: number, strategy: 'uniform' | 'quantile'): number[] {
  if (strategy === 'uniform') return Array.from({ length: bins + 1 }, (_, i) => i / bins);
  const sorted = Float64Array.from(p).sort();
  return Array.from({ length: bins + 1 }, (_, i) => {
    const position = (i / bins) * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  });
}

/**
 * The reliability diagram's points: predicted probabilities binned, each non-empty bin's mean
 * prediction against its observed fraction of positives, with a 95% Wilson interval of that
 * fraction. A calibrated model lies on the diagonal, or within the intervals of it. Empty bins are
 * left out.
 */
export function reliabilityCurve(yTrue: Numbers, yProb: Numbers, options: ReliabilityOptions = {}): ReliabilityBin[] {
  const fn = 'reliabilityCurve';
  const bins = options.bins ?? 10;
  const strategy = options.strategy ?? 'uniform';
  if (!Number.isInteger(bins) || bins < 1) throw new ConfigError('config/bins', `${fn}: bins must be a positive integer but got ${show(bins)}.`);
  if (strategy !== 'uniform' && strategy !== 'quantile') {
    throw new ConfigError('config/strategy', `${fn}: strategy must be 'uniform' or 'quantile' but got ${show(strategy)}.`);
  }
  const labels = binaryLabels(fn, yTrue);
  const p = probabilities(fn, 'yProb', yProb, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  const edges = binEdges(p, bins, strategy);
  const count = new Float64Array(bins);
  const weight = new Float64Array(bins);
  const squaredWeight = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const positive = new Float64Array(bins);
  for (let i = 0; i < p.length; i++) {
    // NOTE: the last edge belongs to the last bin, so p = 1 (or the maximum) is counted.
    let b = 0;
    while (b < bins - 1 && p[i] >= edges[b + 1]) b++;
    const w = weights ? weights[i] : 1;
    count[b] += 1;
    weight[b] += w;
    squaredWeight[b] += w * w;
    predicted[b] += w * p[i];
    positive[b] += w * labels[i];
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (weight[b] === 0) continue;
    const fractionPositive = positive[b] / weight[b];
    out.push({
      lower: edges[b],
      upper: edges[b + 1],
      meanPredicted: predicted[b] / weight[b],
      fractionPositive,
      count: count[b],
      weight: weight[b],
      interval: wilsonInterval(fractionPositive, (weight[b] * weight[b]) / squaredWeight[b]),
    });
  }
  return out;
}
