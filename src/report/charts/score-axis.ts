/** The range and bin width of an axis of probabilities (scores, thresholds). */
export interface ScoreAxis {
  readonly domain: readonly [number, number];
  /** Histogram bin width: the domain holds a whole number of bins. */
  readonly step: number;
}

/** Bins across a histogram of about this many, whatever the zoom. */
const BINS = 20;

/** Values spanning at least this share of [0, 1] keep the whole unit axis. */
const ZOOM_BELOW = 0.5;

/** The narrowest zoom. */
const MIN_WIDTH = 0.01;

/**
 * [0, 1] in steps of 0.05, or, when the values fill less than half of it (a model on imbalanced
 * data whose scores all stay under 0.3, say), the stretch they cover, widened to whole steps of a
 * round width (1, 2, 2.5 or 5 times a power of ten) with about 20 steps across it. `include`
 * names points that must stay visible too, such as the decision threshold. No values at all
 * give the unit axis.
 */
export function scoreAxis(values: Iterable<number>, include: readonly number[] = []): ScoreAxis {
  let low = Infinity;
  let high = -Infinity;
  for (const value of [...values, ...include]) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (low > high || high - low >= ZOOM_BELOW) return { domain: [0, 1], step: 1 / BINS };
  // NOTE: at least MIN_WIDTH wide around the values, so that identical ones still get an axis.
  const widen = Math.max(0, MIN_WIDTH - (high - low)) / 2;
  low = Math.max(0, low - widen);
  high = Math.min(1, high + widen);
  const step = roundStep((high - low) / BINS);
  // NOTE: rounded to the step's decimals, so bounds print as 0.34 rather than 0.34000000000000002.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const round = (value: number) => Number(value.toFixed(decimals));
  const lower = Math.max(0, round(Math.floor(low / step) * step));
  const upper = Math.min(1, round(Math.ceil(high / step) * step));
  return { domain: [lower, upper], step };
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= raw * (1 - 1e-9)) ?? 10;
  return Number((factor * power).toPrecision(12));
}
