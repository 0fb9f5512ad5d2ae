import { checkPredictions, driftBounds } from '../doctor/check-drift.js';
import { matchingNames } from '../doctor/feature-names.js';
import { checkFinite } from '../doctor/to-features.js';
import { ConfigError, show } from '../errors.js';
import { kernels } from '../kernels/backend.js';
import { emptyColumnRanges } from '../kernels/kernels.js';
import { argmaxRow } from '../metrics/accuracy.js';
import { Tensor, type TensorLike } from '../tensor/tensor.js';
import { checkBatchSize } from './check-batch-size.js';
import { diagnoseInference } from './diagnose-inference.js';
import type { ModelPort } from './model-port.js';
import { logitsToProbabilities } from './trainer.js';

/** Options for predict and evaluate. */
export interface PredictOptions {
  batchSize?: number;
  /** 0 keeps the doctor's warnings (feature drift) off the console; they are on model.diagnostics either way. */
  verbose?: 0 | 1;
}

/**
 * Rows predicted per internal step; results do not depend on it, only speed does. NOTE: 4096
 * rows give each kernel thread enough of a dense chain to hide the hand-off, while a small
 * model's activations still fit in the caches (measured: 1024 → 4096 is ~5% faster).
 */
const PREDICT_CHUNK = 4096;

/** `model.predict`: outputs for every row of x in inference mode, a Tensor (rows, outputUnits). */
export function predictModel(model: ModelPort, x: TensorLike, options: PredictOptions): Tensor {
  const input = model.checkInput(x, 'predict', 'predict', false);
  checkBatchSize(options.batchSize);
  const graph = model.graph;
  const units = model.outputUnits;
  const { rows, cols } = input;
  const out = new Float32Array(rows * units);
  // NOTE: each chunk is copied once into the kernels' memory, where its finiteness is counted,
  // its column ranges are taken for the drift check, and the layers read it in place; checking
  // the whole input first would copy it again.
  const k = kernels();
  const stats = model.doctor.featureStats;
  const bounds = stats?.min.length === cols ? driftBounds(stats) : undefined;
  const ranges = emptyColumnRanges(cols);
  const buffer = k.memory.alloc(Math.min(PREDICT_CHUNK, rows) * cols);
  try {
    // NOTE: rows are independent at inference, so large internal chunks give identical results
    // whatever batch size the caller asked for.
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      const end = Math.min(rows, start + PREDICT_CHUNK);
      const chunk = buffer.subarray(0, (end - start) * cols);
      chunk.set(input.data.subarray(start * cols, end * cols));
      if (k.scans.countNonFinite(chunk, chunk.length) > 0) {
        const names = matchingNames(model.featureNames, model.inputFeatures);
        checkFinite(input, 'predict', 'predict', names);
      }
      if (bounds) k.scans.columnRanges(chunk, end - start, cols, bounds.low, bounds.high, ranges);
      const y = graph.forward(new Tensor(chunk, [end - start, cols]), false);
      out.set(y.data, start * units);
    }
  } finally {
    k.memory.free(buffer);
  }
  checkPredictions(out, input.rows, units, 'predict');
  diagnoseInference(model, input, 'predict', options.verbose, bounds && ranges);
  return new Tensor(out, [input.rows, units]);
}

/** `model.predictProbabilities`: the outputs, or sigmoid / softmax of them for a fromLogits loss. */
export function predictProbabilities(model: ModelPort, x: TensorLike, options: PredictOptions): Tensor {
  const raw = predictModel(model, x, options);
  if (!model.trainer?.loss.fromLogits) return raw;
  const out = new Float32Array(raw.size);
  logitsToProbabilities(raw.data, out, raw.rows, raw.cols);
  return new Tensor(out, raw.shape);
}

/**
 * `model.predictClasses`: for a one-unit output, 1 when the probability is above the threshold
 * (options.threshold, else the model's); otherwise the argmax.
 */
export function predictClasses(
  model: ModelPort, x: TensorLike, options: PredictOptions & { threshold?: number },
): Int32Array {
  const given = options.threshold;
  if (given !== undefined && (typeof given !== 'number' || !Number.isFinite(given))) {
    throw new ConfigError('config/threshold', `predictClasses: threshold should be a finite number such as 0.5 but got ${show(given)}.`);
  }
  const threshold = given ?? model.threshold;
  const probabilities = predictProbabilities(model, x, options);
  const { rows, cols, data } = probabilities;
  const classes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    classes[i] = cols === 1 ? (data[i] > threshold ? 1 : 0) : argmaxRow(data, i * cols, cols);
  }
  return classes;
}
