// The measuring protocol of the benchmark, the same for every peer (bench/torch_bench.py mirrors
// it): a warm-up, then one timed run from fresh weights, bounded for peers too slow for the
// full epoch so the whole run stays within minutes.
import { workName, type Measurement, type ModelName, type Work } from './workload.js';

/** Protocol settings a child receives from the parent. */
export interface Protocol {
  /** Directory holding x.f32 (rows × 32) and y.f32 (rows). */
  readonly dataDir: string;
  readonly rows: number;
  /** Seconds of warm-up (doubling runs of a few batches) before the timed run. */
  readonly warmupSeconds: number;
  /** Seconds a timed run may take: slower peers time fewer rows than the full epoch. */
  readonly budgetSeconds: number;
}

export interface Elapsed {
  readonly seconds: number;
  /** User + system CPU time of the whole process (every thread). */
  readonly cpuSeconds: number;
}

/** Starts a clock of wall and CPU time; call the result to read both. */
export function stopwatch(): () => Elapsed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds };
  };
}

/**
 * One model's way to run a work on the first `rows` rows: train one epoch (continuing from its
 * current weights) or predict. Returns the time the run took and, for training, the loss.
 */
export type Runner = (rows: number) => Promise<Elapsed & { loss?: number }>;

/** A peer as a child drives it: each call of trainer / predictor builds a fresh model. */
export interface Peer {
  readonly version: string;
  trainer(model: ModelName, batch: number): Runner;
  predictor(model: ModelName): Runner;
}

/** Whole batches a bounded run times at least. */
export const MIN_TIMED_BATCHES = 1;

/**
 * Warms up a first model with runs of 1, 2, 4, … batches (at most all rows, then all rows again)
 * until `warmupSeconds` have passed and estimates the rate from the last of them; then times one
 * run of a fresh model (the same seeded initial weights) over all rows, or over as many whole
 * batches as fit in `budgetSeconds` (at least MIN_TIMED_BATCHES) when the peer is too slow for
 * the full epoch.
 */
export async function measure(
  newRunner: () => Runner, work: Work, protocol: Protocol,
): Promise<Measurement> {
  const { batch } = work;
  const warm = newRunner();
  let batches = 1;
  let rate = 0;
  let spent = 0;
  // NOTE: the warm-up lasts its full time even for peers that reach all rows sooner: JIT-compiled
  // peers (V8 tiers WebAssembly and JavaScript up as they run) would otherwise be timed cold.
  while (spent < protocol.warmupSeconds) {
    const rows = Math.min(batches * batch, protocol.rows);
    const { seconds } = await warm(rows);
    spent += seconds;
    rate = rows / seconds;
    batches *= 2;
  }
  const rowsTimed = timedRows(rate, batch, protocol);
  // NOTE: a fresh model, so the timed epoch starts from the same weights whatever the warm-up
  // did, and final losses compare across peers (and across nnkit's backends, to rounding).
  const { seconds, cpuSeconds, loss } = await newRunner()(rowsTimed);
  return {
    work: workName(work), batch, rowsTimed, seconds, loss,
    samplesPerSecond: rowsTimed / seconds,
    cpuUse: cpuSeconds / seconds,
  };
}

function timedRows(rate: number, batch: number, protocol: Protocol): number {
  if (rate === 0 || rate * protocol.budgetSeconds >= protocol.rows) return protocol.rows;
  const fitting = Math.floor((rate * protocol.budgetSeconds) / batch);
  return Math.min(protocol.rows, Math.max(MIN_TIMED_BATCHES, fitting) * batch);
}
