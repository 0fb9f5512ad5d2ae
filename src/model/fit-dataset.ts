import type { Callback, Logs } from '../callbacks/callback.js';
import { CallbackList } from '../callbacks/callback-list.js';
import { EarlyStopping } from '../callbacks/early-stopping.js';
import { ProgressLogger, type Verbosity } from '../callbacks/progress-logger.js';
import { sourcePasses, type BatchSource, type DataBatch, type SourcePasses } from '../data/batch-source.js';
import { ConfigError, show } from '../errors.js';
import { kernels } from '../kernels/backend.js';
import { globalRandom } from '../random/random.js';
import { Tensor, toLabels } from '../tensor/tensor.js';
import { toTargets } from '../doctor/to-features.js';
import { checkBatchSize } from './check-batch-size.js';
import { checkLabels } from './check-labels.js';
import { classWeightsToSampleWeights, type ClassWeight } from './class-weight.js';
import { fitDiagnostics } from './diagnose-fit.js';
import { ChunkStore, RowBuffer, type Chunk } from './fit-dataset-rows.js';
import { History } from './history.js';
import type { ModelPort } from './model-port.js';
import { TrainingMonitor } from './training-monitor.js';
import { yieldToEventLoop } from './yield.js';

/**
 * `model.fitDataset(source, options)`: TF.js' name for fitting over a source of batches, with
 * fit's option names. Rows are read into a shuffle buffer of `shuffleBuffer` rows, shuffled by
 * the seeded global generator and cut into batches of `batchSize`; memory is bounded by the
 * buffer and one chunk, not by the source. When every row fits in the buffer, the rows are kept
 * and the batches, and so the weights, are exactly those of `fit` on the same rows and seed.
 */
export interface FitDatasetOptions {
  epochs?: number;
  batchSize?: number;
  verbose?: Verbosity;
  /** Rows shuffled together (default 100,000): rows of one window are mixed, not across windows. */
  shuffleBuffer?: number;
  shuffle?: boolean;
  /** Validation rows from their own source, scored at each epoch's end. */
  validationData?: BatchSource;
  /**
   * The share of the source's chunks held out for validation instead (0.1: chunk 9 of every
   * 10, the same chunks every epoch), as Keras' validationSplit does with the last rows.
   */
  validationSplit?: number;
  classWeight?: ClassWeight;
  initialEpoch?: number;
  callbacks?: readonly Callback[];
}

export async function fitDatasetModel(model: ModelPort, source: BatchSource, options: FitDatasetOptions = {}): Promise<History> {
  const passes = sourcePasses(source, 'fitDataset source');
  const epochs = options.epochs ?? 1;
  const initialEpoch = options.initialEpoch ?? 0;
  const batchSize = checkBatchSize(options.batchSize) ?? 32;
  const bufferRows = options.shuffleBuffer ?? 100_000;
  const split = options.validationSplit ?? 0;
  if (!Number.isInteger(epochs) || epochs < 1 || !Number.isInteger(initialEpoch) || initialEpoch < 0) {
    throw new ConfigError('config/epochs', `epochs should be a positive integer and initialEpoch a whole number but got ${show(epochs)} and ${show(initialEpoch)}.`);
  }
  if (!Number.isInteger(bufferRows) || bufferRows < 1) {
    throw new ConfigError('config/shuffle-buffer', `shuffleBuffer should be a positive number of rows (e.g. 100000) but got ${show(bufferRows)}.`);
  }
  if (!(split >= 0 && split < 1)) {
    throw new ConfigError('config/validation-split', `validationSplit should be in [0, 1) (the share of chunks held out) but got ${show(split)}.`);
  }
  const validationPasses = options.validationData === undefined ? undefined : sourcePasses(options.validationData, 'validationData');
  const shuffle = options.shuffle ?? true;
  const heldOut = (chunk: number) => split > 0 && Math.floor((chunk + 1) * split) > Math.floor(chunk * split);

  let first = true;
  let buffer: RowBuffer | undefined;
  const convert = (batch: DataBatch, what: string): Chunk => {
    const x = model.checkInput(batch?.xs, `${what} xs`);
    const trainer = model.prepare(x.cols, 'fitDataset');
    const y = toTargets(batch.ys, `${what} ys`, 'fit');
    // NOTE: the labels are checked on the first chunk only (their warnings and errors are the
    // same as fit's); later chunks are checked for shape.
    if (first) model.doctor.reportAll(checkLabels(trainer.loss, model.outputUnits, x, y, 'fit'));
    else if (y.rows !== x.rows) checkLabels(trainer.loss, model.outputUnits, x, y, 'fit');
    first = false;
    const given = batch.sampleWeight === undefined ? undefined : toLabels(batch.sampleWeight, `${what} sampleWeight`).data;
    const w = options.classWeight !== undefined && what === 'fitDataset source' ? classWeightsToSampleWeights(options.classWeight, y, model.outputUnits) : given;
    return { x, y, w };
  };

  model.doctor.clear(['fit', 'training', 'predict', 'evaluate']);
  // The first chunk builds the model and sets the buffer's widths.
  let iterator = passes.open();
  let pending = await iterator.next();
  if (pending.done) throw new ConfigError('config/batch-source', 'fitDataset source gave no batches; it needs at least one { xs, ys } batch of rows.');
  const firstChunk = convert(pending.value, 'fitDataset source');
  const trainer = model.prepare(firstChunk.x.cols, 'fitDataset');
  buffer = new RowBuffer(firstChunk.x.cols, firstChunk.y.cols, firstChunk.w !== undefined);
  const batchX = kernels().memory.alloc(batchSize * buffer.xCols);
  const batchY = new Float32Array(batchSize * buffer.yCols);
  const batchW = new Float32Array(batchSize);

  const history = new History({ epochs, batchSize, steps: 0, samples: 0 });
  // NOTE: the doctor's data checks need every row in memory; a streamed fit keeps its training
  // checks (a loss that is not finite, that does not fall).
  const monitor = new TrainingMonitor(model.model, trainer, {
    classes: undefined, earlyStopping: (options.callbacks ?? []).some((c) => c instanceof EarlyStopping), report: (d) => model.doctor.report(d),
  });
  const trained = model.model;
  const logger = options.verbose === 0 ? [] : [new ProgressLogger(options.verbose ?? 'auto', epochs, 0)];
  const callbacks = new CallbackList([...(options.callbacks ?? []), ...logger, monitor], trained);
  let cached: { order: Int32Array } | undefined;
  const validationStore = new ChunkStore(bufferRows);
  let validationChunks: Chunk[] | undefined;

  trained.stopTraining = false;
  await callbacks.onTrainBegin({});
  for (let epoch = initialEpoch; epoch < epochs && !trained.stopTraining; epoch++) {
    await callbacks.onEpochBegin(epoch, {});
    trainer.reset();
    let step = 0;
    let samples = 0;
    const runWindow = async (order: Int32Array, final: boolean): Promise<number> => {
      if (shuffle) globalRandom.shuffle(order);
      const rows = buffer!.rows;
      const end = final ? rows : rows - (rows % batchSize);
      for (let start = 0; start < end && !trained.stopTraining; start += batchSize) {
        await callbacks.onBatchBegin(step, {});
        const n = Math.min(end, start + batchSize) - start;
        const { bx, by, bw } = gather(buffer!, order, start, n, batchX, batchY, batchW);
        const batchLoss = trainer.trainBatch(bx, by, bw);
        await callbacks.onBatchEnd(step++, { loss: batchLoss, size: n });
        samples += n;
        await yieldToEventLoop();
      }
      return end;
    };
    if (cached) {
      await runWindow(cached.order, true);
    } else {
      let chunkIndex = 0;
      let windows = 0;
      if (epoch > initialEpoch) {
        iterator = passes.open();
        pending = await iterator.next();
      }
      const collecting = epoch === initialEpoch;
      let chunk: Chunk | undefined = pending.done ? undefined : epoch === initialEpoch && chunkIndex === 0 ? firstChunk : convert(pending.value, 'fitDataset source');
      while (!trained.stopTraining) {
        if (chunk !== undefined) {
          if (heldOut(chunkIndex++)) {
            if (collecting) validationStore.add(chunk);
          } else {
            buffer.append(chunk);
          }
          pending = await iterator.next();
          chunk = pending.done ? undefined : convert(pending.value, 'fitDataset source');
          if (chunk !== undefined && buffer.rows < bufferRows) continue;
        }
        const final = chunk === undefined;
        const order = new Int32Array(buffer.rows).map((_, i) => i);
        const used = await runWindow(order, final);
        windows++;
        if (final) {
          // NOTE: every row fit in one window: keep them (and the order, shuffled again each
          // epoch, as fit does) instead of reading the source again.
          if (windows === 1 && collecting) cached = { order };
          break;
        }
        buffer.keep(order, used);
      }
      if (!pending.done) await iterator.return?.();
      if (!cached) buffer.rows = 0;
      if (collecting) validationChunks = validationStore.chunks;
    }
    history.params.steps = step;
    history.params.samples = samples;
    const logs: Logs = trainer.results('', model.regularizationLoss());
    if (split > 0 || validationPasses) Object.assign(logs, await validate());
    await callbacks.onEpochEnd(epoch, logs);
    history.record(epoch, logs);
  }
  await callbacks.onTrainEnd({});
  history.diagnostics.push(...fitDiagnostics(model.doctor));
  return history;

  async function validate(): Promise<Logs> {
    trainer.reset();
    const test = (chunk: Chunk) => {
      for (let start = 0; start < chunk.x.rows; start += batchSize) {
        const end = Math.min(chunk.x.rows, start + batchSize);
        trainer.testBatch(chunk.x.sliceRows(start, end), chunk.y.sliceRows(start, end), chunk.w?.subarray(start, end));
      }
    };
    if (validationPasses === undefined && validationChunks !== undefined) {
      const whole = validationStore.whole();
      if (whole) test(whole);
    } else {
      const from = validationPasses ?? passes;
      await readValidation(from, validationPasses ? () => true : heldOut, test);
    }
    return trainer.results('val_', model.regularizationLoss());
  }

  async function readValidation(from: SourcePasses, keep: (chunk: number) => boolean, test: (chunk: Chunk) => void): Promise<void> {
    const it = from.open();
    for (let index = 0; ; index++) {
      const next = await it.next();
      if (next.done) return;
      if (keep(index)) test(convert(next.value, 'validationData'));
      await yieldToEventLoop();
    }
  }
}

/** The rows order[start…start+n) of the buffer, copied into the batch buffers. */
function gather(
  buffer: RowBuffer, order: Int32Array, start: number, n: number,
  batchX: Float32Array, batchY: Float32Array, batchW: Float32Array,
): { bx: Tensor; by: Tensor; bw: Float32Array | undefined } {
  const xc = buffer.xCols;
  const yc = buffer.yCols;
  for (let i = 0; i < n; i++) {
    const row = order[start + i];
    batchX.set(buffer.x.subarray(row * xc, (row + 1) * xc), i * xc);
    batchY.set(buffer.y.subarray(row * yc, (row + 1) * yc), i * yc);
    if (buffer.w) batchW[i] = buffer.w[row];
  }
  return {
    bx: new Tensor(batchX.subarray(0, n * xc), [n, xc]),
    by: new Tensor(batchY.subarray(0, n * yc), [n, yc]),
    bw: buffer.w ? batchW.subarray(0, n) : undefined,
  };
}
