// The workload of issue 6, shared by the benchmark's parent (bench/run.ts), its Node children
// (bench/peer.ts) and, by hand, bench/torch_bench.py: the two models, the works, and the JSON a
// child reports. The data set is in dataset.ts, the measuring protocol in measure.ts.

export const FEATURES = 32;
export const PREDICT_BATCH = 1024;
export const LEARNING_RATE = 1e-3;

export type ModelName = 'small' | 'wide';
/** Hidden relu widths; every model is 32 → hidden… → 1 sigmoid. */
export const MODELS: Record<ModelName, readonly number[]> = {
  small: [64, 64],
  wide: [512, 512],
};
export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];

/** Layer widths from input to output: 32 → hidden… → 1 (sigmoid). */
export function widths(model: ModelName): number[] {
  return [FEATURES, ...MODELS[model], 1];
}

/**
 * Multiply-add weights of the dense kernels (biases excluded).
 * NOTE: the FLOP convention counts one multiply-add per kernel weight per sample, 2 FLOPs
 * forward and 4 backward (input and weight gradients); biases and activations are not counted.
 */
export function denseWeights(model: ModelName): number {
  const sizes = widths(model);
  let total = 0;
  for (let i = 1; i < sizes.length; i++) total += sizes[i - 1] * sizes[i];
  return total;
}

/** One measurement a child makes: train with a batch size, or predict (batch 1024). */
export type Work = { kind: 'train'; batch: number } | { kind: 'predict'; batch: number };
export const WORK_NAMES = ['train32', 'train256', 'predict'] as const;

export function parseWork(text: string): Work {
  if (text === 'predict') return { kind: 'predict', batch: PREDICT_BATCH };
  const match = /^train(\d+)$/.exec(text);
  if (match === null) {
    throw new Error(`A work is 'train32', 'train256' or 'predict' but got '${text}'.`);
  }
  return { kind: 'train', batch: Number(match[1]) };
}

export function workName(work: Work): string {
  return work.kind === 'predict' ? 'predict' : `train${work.batch}`;
}

/** What a child reports for one work. */
export interface Measurement {
  readonly work: string;
  readonly batch: number;
  /** Rows in the timed run: all rows, or fewer when the peer would exceed the budget. */
  readonly rowsTimed: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  /**
   * CPU seconds over wall seconds of the timed run, all threads of the process: about 1 for a
   * single thread that had a core to itself, less when other processes took the core.
   */
  readonly cpuUse: number;
  /** The epoch's loss as the peer reports it (training only). */
  readonly loss?: number;
}

/** The JSON line a child prints. */
export interface ChildReport {
  readonly peer: string;
  readonly model: ModelName;
  readonly version: string;
  readonly measurements: Measurement[];
  readonly maxRssBytes: number;
}
