import type { Callback, Logs } from '../callbacks/callback.js';
import { CallbackList } from '../callbacks/callback-list.js';
import { ProgressLogger, type Verbosity } from '../callbacks/progress-logger.js';
import { kernels } from '../kernels/backend.js';
import { ConfigError, ShapeError, show } from '../errors.js';
import { globalRandom } from '../random/random.js';
import { Tensor, toLabels, type LabelsLike, type TensorLike } from '../tensor/tensor.js';
import { toFeatures, toTargets } from '../doctor/to-features.js';
import { checkBatchSize } from './check-batch-size.js';
import { checkLabels } from './check-labels.js';
import { classWeightsToSampleWeights, type ClassWeight } from './class-weight.js';
import { diagnoseFit, fitDiagnostics } from './diagnose-fit.js';
import { History } from './history.js';
import type { ModelPort } from './model-port.js';
import type { Trainer } from './trainer.js';
import { yieldToEventLoop } from './yield.js';

/** `model.fit(x, y, options)`, with Keras' option names in camelCase. */
export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** 0 silent, 1 a live progress bar (one line per epoch when not a terminal), 2 one line per epoch. */
  verbose?: Verbosity;
  /** Fraction of rows held out for validation: the LAST rows, taken before shuffling (as Keras). */
  validationSplit?: number;
  validationData?: readonly [TensorLike, LabelsLike] | readonly [TensorLike, LabelsLike, LabelsLike];
  shuffle?: boolean;
  classWeight?: ClassWeight;
  sampleWeight?: LabelsLike;
  initialEpoch?: number;
  callbacks?: readonly Callback[];
}

interface Split {
  x: Tensor;
  y: Tensor;
  w: Float32Array | undefined;
}

/**
 * The fit loop: callbacks begin → per epoch: reset, per batch (forward, loss, backward, step,
 * metrics), validation logged with `val_`, epoch-end callbacks, stop if asked → callbacks end.
 */
export async function fitModel(model: ModelPort, xLike: TensorLike, yLike: LabelsLike, options: FitOptions): Promise<History> {
  const x = toFeatures(xLike, 'fit x', 'fit');
  const trainer = model.prepare(x.cols, 'fit');
  model.checkFeatureCount(x, 'fit x', 'fit');
  const y = toTargets(yLike, 'fit y', 'fit');
  const labelWarnings = checkLabels(trainer.loss, model.outputUnits, x, y, 'fit');
  checkOptionTypes(options);
  const epochs = options.epochs ?? 1;
  const batchSize = checkBatchSize(options.batchSize) ?? 32;
  const initialEpoch = options.initialEpoch ?? 0;
  if (!Number.isInteger(epochs) || epochs < 1 || !Number.isInteger(initialEpoch) || initialEpoch < 0) {
    throw new ConfigError('config/epochs', `epochs should be a positive integer and initialEpoch a whole number but got ${show(epochs)} and ${show(initialEpoch)}.`);
  }
  if (options.classWeight !== undefined && options.sampleWeight !== undefined) {
    throw new ConfigError('config/weights', 'Pass classWeight or sampleWeight, not both (as in Keras); fold the class weights into sampleWeight.');
  }
  const weights = options.sampleWeight === undefined ? undefined : toLabels(options.sampleWeight, 'sampleWeight').data;
  if (weights !== undefined && weights.length !== x.rows) {
    throw new ShapeError('shape/sample-weight', `sampleWeight has ${weights.length} values but x has ${x.rows} rows; give one weight per row.`);
  }
  let train: Split = { x, y, w: weights };
  let validation: Split | undefined;
  if (options.validationData !== undefined) {
    const [vx, vy, vw] = options.validationData;
    const valX = model.checkInput(vx, 'validationData x');
    const valY = toTargets(vy, 'validationData y', 'fit');
    labelWarnings.push(...checkLabels(trainer.loss, model.outputUnits, valX, valY, 'validationData'));
    const valW = vw === undefined ? undefined : toLabels(vw, 'validationData weights').data;
    if (valW !== undefined && valW.length !== valX.rows) {
      throw new ShapeError('shape/sample-weight', `validationData weights have ${valW.length} values but its x has ${valX.rows} rows; give one weight per row.`);
    }
    validation = { x: valX, y: valY, w: valW };
  } else if (options.validationSplit !== undefined && options.validationSplit !== 0) {
    [train, validation] = splitLast(train, options.validationSplit);
  }
  // NOTE: as in Keras, class weights weigh the training rows only: validation rows, even those
  // validationSplit takes from x, are scored unweighted.
  if (options.classWeight !== undefined) {
    train = { ...train, w: classWeightsToSampleWeights(options.classWeight, train.y, model.outputUnits) };
  }

  const rows = train.x.rows;
  const steps = Math.ceil(rows / batchSize);
  const history = new History({ epochs, batchSize, steps, samples: rows });
  const monitor = diagnoseFit(model, trainer, {
    train, validation, validationSplit: validation && !options.validationData ? options.validationSplit : undefined,
    weighted: train.w !== undefined, labelWarnings, callbacks: options.callbacks ?? [], verbose: options.verbose,
  });
  // NOTE: the model as callbacks see it; they and the monitor stop the fit with its stopTraining.
  const trained = model.model;
  const callbacks = new CallbackList([...(options.callbacks ?? []), ...progress(options.verbose, epochs, steps), monitor], trained);
  const order = new Int32Array(rows).map((_, i) => i);
  // NOTE: a batch never holds more than every row, so a huge batchSize allocates no more than the data.
  const bufferRows = Math.min(batchSize, rows);
  // NOTE: batches are copied into buffers in the kernels' memory (wasm), so the kernels read
  // them in place; one copy per batch is cheap next to the matmuls.
  const batchX = kernels().memory.alloc(bufferRows * train.x.cols);
  const batchY = new Float32Array(bufferRows * train.y.cols);
  const batchW = new Float32Array(bufferRows);

  trained.stopTraining = false;
  await callbacks.onTrainBegin({});
  for (let epoch = initialEpoch; epoch < epochs && !trained.stopTraining; epoch++) {
    await callbacks.onEpochBegin(epoch, {});
    trainer.reset();
    if (options.shuffle ?? true) globalRandom.shuffle(order);
    for (let step = 0; step < steps && !trained.stopTraining; step++) {
      await callbacks.onBatchBegin(step, {});
      const start = step * batchSize;
      const end = Math.min(rows, start + batchSize);
      const { bx, by, bw } = gather(train, order, start, end, batchX, batchY, batchW, options.shuffle ?? true);
      const batchLoss = trainer.trainBatch(bx, by, bw);
      await callbacks.onBatchEnd(step, { loss: batchLoss, size: end - start });
      await yieldToEventLoop();
    }
    const logs: Logs = trainer.results('', model.regularizationLoss());
    if (validation) Object.assign(logs, evaluateSplit(model, trainer, validation, batchSize));
    await callbacks.onEpochEnd(epoch, logs);
    history.record(epoch, logs);
  }
  await callbacks.onTrainEnd({});
  history.diagnostics.push(...fitDiagnostics(model.doctor));
  return history;
}

/** Options whose wrong type would otherwise surface as a TypeError deep in the loop. */
function checkOptionTypes(options: FitOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('config/fit-options', `fit's third argument should be an options object such as { epochs: 10 } but got ${show(options)}.`);
  }
  const callbacks: unknown = options.callbacks;
  const hooks = ['setModel', 'onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd'];
  const invalid = (c: unknown) => typeof c !== 'object' || c === null ||
    hooks.some((hook) => (c as Record<string, unknown>)[hook] !== undefined && typeof (c as Record<string, unknown>)[hook] !== 'function');
  if (callbacks !== undefined && (!Array.isArray(callbacks) || callbacks.some(invalid))) {
    throw new ConfigError(
      'config/callbacks',
      `callbacks should be an array of callback objects whose hooks are functions (e.g. nn.callbacks.earlyStopping()) but got ` +
        `${show(callbacks)}${Array.isArray(callbacks) ? ` holding ${show(callbacks.find(invalid))}` : ''}.`,
    );
  }
  const data = options.validationData;
  if (data !== undefined && (!Array.isArray(data) || data.length < 2 || data.length > 3)) {
    throw new ConfigError('config/validation-data', `validationData should be [x, y] or [x, y, sampleWeight] but got ${show(data)}.`);
  }
  if (options.classWeight !== undefined && (typeof options.classWeight !== 'object' || options.classWeight === null)) {
    throw new ConfigError('config/class-weight', `classWeight should be an object such as { 0: 1, 1: 3 } but got ${show(options.classWeight)}.`);
  }
}

/** Keras' validationSplit: the last fraction of the rows, before any shuffling. */
function splitLast(data: Split, fraction: number): [Split, Split] {
  if (!(fraction > 0 && fraction < 1)) {
    throw new ConfigError('config/validation-split', `validationSplit should be between 0 and 1 (exclusive) but got ${show(fraction)}.`);
  }
  const at = Math.floor(data.x.rows * (1 - fraction));
  if (at === 0 || at === data.x.rows) {
    throw new ConfigError(
      'config/validation-split',
      `validationSplit ${fraction} of ${data.x.rows} rows leaves ${at === 0 ? 'no training' : 'no validation'} rows; use more data or another fraction.`,
    );
  }
  return [
    { x: data.x.sliceRows(0, at), y: data.y.sliceRows(0, at), w: data.w?.subarray(0, at) },
    { x: data.x.sliceRows(at, data.x.rows), y: data.y.sliceRows(at, data.y.rows), w: data.w?.subarray(at) },
  ];
}

/** The rows of one batch, copied into reused buffers: in order, or through the shuffled order. */
function gather(
  data: Split, order: Int32Array, start: number, end: number,
  batchX: Float32Array, batchY: Float32Array, batchW: Float32Array, shuffled: boolean,
): { bx: Tensor; by: Tensor; bw: Float32Array | undefined } {
  const n = end - start;
  const xc = data.x.cols;
  const yc = data.y.cols;
  if (!shuffled) {
    batchX.set(data.x.data.subarray(start * xc, end * xc));
    return { bx: new Tensor(batchX.subarray(0, n * xc), [n, xc]), by: data.y.sliceRows(start, end), bw: data.w?.subarray(start, end) };
  }
  for (let i = 0; i < n; i++) {
    const row = order[start + i];
    batchX.set(data.x.data.subarray(row * xc, (row + 1) * xc), i * xc);
    batchY.set(data.y.data.subarray(row * yc, (row + 1) * yc), i * yc);
    if (data.w) batchW[i] = data.w[row];
  }
  return {
    bx: new Tensor(batchX.subarray(0, n * xc), [n, xc]),
    by: new Tensor(batchY.subarray(0, n * yc), [n, yc]),
    bw: data.w ? batchW.subarray(0, n) : undefined,
  };
}

function evaluateSplit(model: ModelPort, trainer: Trainer, data: Split, batchSize: number): Logs {
  trainer.reset();
  for (let start = 0; start < data.x.rows; start += batchSize) {
    const end = Math.min(data.x.rows, start + batchSize);
    trainer.testBatch(data.x.sliceRows(start, end), data.y.sliceRows(start, end), data.w?.subarray(start, end));
  }
  return trainer.results('val_', model.regularizationLoss());
}

function progress(verbose: Verbosity | undefined, epochs: number, steps: number): Callback[] {
  const level = verbose ?? 'auto';
  return level === 0 ? [] : [new ProgressLogger(level, epochs, steps)];
}
