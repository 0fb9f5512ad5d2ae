import type { Callback } from '../callbacks/callback.js';
import type { Classifier } from '../classifier/classifier.js';
import type { TrainClassifierOptions } from '../classifier/classifier-options.js';
import type { TrainingPlan, TrainingTable } from '../classifier/training-plan.js';
import { toFeatures, toTargets } from '../doctor/to-features.js';
import type { EvaluateOptions } from '../model/evaluate.js';
import type { FitOptions } from '../model/fit.js';
import type { History } from '../model/history.js';
import { modelPort, type Model } from '../model/model.js';
import { modelToFiles } from '../model/model-to-files.js';
import type { PredictOptions } from '../model/predict.js';
import type { ThreadStats } from '../kernels/wasm/thread-pool.js';
import { toLabels, type LabelsLike, type Tensor, type TensorLike } from '../tensor/tensor.js';
import { adoptClassifier, adoptFit } from './adopt-results.js';
import { splitCallbacks, adoptBuiltinStates } from './builtin-callbacks.js';
import { sentFiles } from './sent-files.js';
import { fromTensorData, ownCopy, tensorData } from './tensor-data.js';
import type { WorkerHost } from './worker-channel.js';
import { WorkerClient } from './worker-client.js';
import type { FitJobOptions } from './worker-messages.js';

/** What every worker call takes besides its own options: a signal that cancels it. */
export interface WorkerCallOptions {
  /** Aborting rejects the call at once with the signal's reason and leaves the model as before the call. */
  readonly signal?: AbortSignal;
}

export type WorkerFitOptions = FitOptions & WorkerCallOptions;
export type WorkerPredictOptions = PredictOptions & WorkerCallOptions;
export type WorkerEvaluateOptions = EvaluateOptions & WorkerCallOptions;
export type WorkerClassifierOptions = Omit<TrainClassifierOptions, 'onPlan'> & WorkerCallOptions & {
  /** As trainClassifier's onPlan, called on this thread (the callbacks it returns run here too). */
  readonly onPlan?: (plan: Omit<TrainingPlan, 'table'> & { readonly table: TrainingTable }) => readonly Callback[] | void;
};

/**
 * A worker (a Web Worker in a browser, a worker thread in Node) that runs `fit`, `predict`,
 * `evaluate` and `trainClassifier` off the calling thread, with the results an in-thread call
 * gives, bit for bit: `nn.worker()` makes one.
 *
 *   const worker = nn.worker();
 *   const history = await worker.fit(model, x, y, { epochs: 20, callbacks: [{ onEpochEnd: show }], signal });
 *   const probabilities = await worker.predict(model, rows);
 *
 * - The model goes to the worker as its saved files and comes back the same way: when `fit` resolves,
 *   the caller's model holds the trained weights, optimizer state and doctor findings, and the
 *   random generator has advanced as an in-thread fit would advance it. Calls run one after
 *   another in the order made; await each to match in-thread results.
 * - Callbacks: EarlyStopping, ReduceLROnPlateau and TerminateOnNaN run in the worker beside the
 *   model (EarlyStopping's stoppedEpoch / bestEpoch come back onto your object); every other
 *   callback runs on this thread from the posted logs (per batch and per epoch, Keras' logs). It
 *   sees your model as it was before the call; setting `model.stopTraining = true` stops the
 *   worker at its next batch. ModelCheckpoint is refused: save after the call returns.
 * - `signal`: aborting rejects the call at once with `signal.reason`; the worker drops the job at
 *   its next batch and the caller's model keeps its weights from before the call (a predict or
 *   evaluate already running finishes in the worker and is discarded).
 * - The kernels: the worker uses the caller's backend ('wasm', 'js' or 'reference'); the wasm
 *   kernels' own threads work inside it where the page is cross-origin isolated (and in Node),
 *   with the caller's setKernelThreads settings; `kernelThreadStats()` reports them.
 */
export class ModelWorker {
  private readonly client: WorkerClient;

  constructor(host: WorkerHost) {
    this.client = new WorkerClient(host);
  }

  async fit(model: Model, x: TensorLike, y: LabelsLike, options: WorkerFitOptions = {}): Promise<History> {
    const { signal, callbacks, validationData, sampleWeight, ...rest } = options;
    const split = splitCallbacks(callbacks);
    const features = toFeatures(x, 'fit x', 'fit');
    const port = modelPort(model);
    // NOTE: building and compiling the trainer here draws the initial weights from this thread's
    // generator, as an in-thread fit does before its first shuffle.
    port.prepare(features.cols, 'fit');
    const transfer: ArrayBuffer[] = [];
    const jobOptions: FitJobOptions = {
      ...rest,
      ...(validationData ? { validationData: sentValidation(model, validationData, transfer) } : {}),
      ...(sampleWeight !== undefined ? { sampleWeight: ownCopy(toLabels(sampleWeight, 'sampleWeight').data, transfer) } : {}),
    };
    const job = {
      kind: 'fit' as const, model: sentFiles(modelToFiles(model, { includeOptimizer: true }), transfer), x: tensorData(features, transfer),
      y: tensorData(toTargets(y, 'fit y', 'fit'), transfer), options: jobOptions, callbacks: split.settings,
    };
    const result = await this.client.run(job, transfer, { callbacks: split.callers, model, signal });
    if (result.kind !== 'fit') throw new Error(`expected a fit result, got ${result.kind}`);
    adoptBuiltinStates(split.builtins, result.callbacks);
    return adoptFit(model, result);
  }

  async predict(model: Model, x: TensorLike, options: WorkerPredictOptions = {}): Promise<Tensor> {
    const { signal, ...rest } = options;
    const transfer: ArrayBuffer[] = [];
    const input = modelPort(model).checkInput(x, 'predict', 'predict', false);
    const files = sentFiles(modelToFiles(model), transfer);
    const result = await this.client.run({ kind: 'predict', model: files, x: tensorData(input, transfer), options: rest }, transfer, { callbacks: [], signal });
    if (result.kind !== 'predict') throw new Error(`expected a predict result, got ${result.kind}`);
    model.doctor.reportAll(result.diagnostics);
    return fromTensorData(result.output);
  }

  async evaluate(model: Model, x: TensorLike, y: LabelsLike, options: WorkerEvaluateOptions = {}): Promise<Record<string, number>> {
    const { signal, sampleWeight, ...rest } = options;
    const transfer: ArrayBuffer[] = [];
    const input = modelPort(model).checkInput(x, 'evaluate x', 'evaluate');
    const jobOptions = { ...rest, ...(sampleWeight !== undefined ? { sampleWeight: ownCopy(toLabels(sampleWeight, 'sampleWeight').data, transfer) } : {}) };
    const files = sentFiles(modelToFiles(model), transfer);
    const job = { kind: 'evaluate' as const, model: files, x: tensorData(input, transfer), y: tensorData(toTargets(y, 'evaluate y', 'evaluate'), transfer), options: jobOptions };
    const result = await this.client.run(job, transfer, { callbacks: [], signal });
    if (result.kind !== 'evaluate') throw new Error(`expected an evaluate result, got ${result.kind}`);
    model.doctor.reportAll(result.diagnostics);
    return result.results;
  }

  /** `nn.trainClassifier(table, options)` in the worker; the table is copied to it once. */
  async trainClassifier(table: TrainingTable, options: WorkerClassifierOptions = {}): Promise<Classifier> {
    const { signal, callbacks, onPlan, ...rest } = options;
    const split = splitCallbacks(callbacks);
    const job = { kind: 'trainClassifier' as const, table, options: rest, callbacks: split.settings, wantsPlan: onPlan !== undefined };
    const result = await this.client.run(job, [], {
      callbacks: split.callers, signal, onPlan: onPlan && ((plan) => onPlan({ ...plan, table })),
    });
    if (result.kind !== 'trainClassifier') throw new Error(`expected a trainClassifier result, got ${result.kind}`);
    return adoptClassifier(result);
  }

  /** `nn.kernelThreadStats()` inside the worker: the wasm kernels' own threads there. */
  async kernelThreadStats(): Promise<ThreadStats> {
    const result = await this.client.run({ kind: 'kernelThreadStats' }, [], { callbacks: [] });
    if (result.kind !== 'kernelThreadStats') throw new Error(`expected thread statistics, got ${result.kind}`);
    return result.stats;
  }

  /** Ends the worker; calls still running reject. A later call starts a new one. */
  terminate(): void {
    this.client.terminate();
  }
}

function sentValidation(model: Model, data: NonNullable<FitOptions['validationData']>, transfer: ArrayBuffer[]): FitJobOptions['validationData'] {
  const x = tensorData(modelPort(model).checkInput(data[0], 'validationData x'), transfer);
  const y = tensorData(toTargets(data[1], 'validationData y', 'fit'), transfer);
  return data.length === 3 ? [x, y, ownCopy(toLabels(data[2], 'validationData weights').data, transfer)] : [x, y];
}
