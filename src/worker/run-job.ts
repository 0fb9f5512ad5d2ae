import { trainClassifier } from '../classifier/train-classifier.js';
import type { TrainingTable } from '../classifier/training-plan.js';
import type { Callback } from '../callbacks/callback.js';
import type { Diagnostic, DiagnosticStage } from '../doctor/diagnostic.js';
import type { History } from '../model/history.js';
import { kernelThreadStats } from '../kernels/wasm/thread-pool.js';
import { modelFromFiles } from '../model/model-from-files.js';
import { modelToFiles } from '../model/model-to-files.js';
import type { Model } from '../model/model.js';
import { globalRandom } from '../random/random.js';
import { builtinCallbacks, builtinStates } from './builtin-callbacks.js';
import { relayCallback, type JobControl } from './relay-callback.js';
import { sentFiles } from './sent-files.js';
import { fromTensorData, tensorData } from './tensor-data.js';
import type { JobContext, JobRequest, JobResult, SentHistory, TrainingEvent } from './worker-messages.js';

/** Where a running job sends what it has to say before its result. */
export interface JobOutlet {
  event(event: TrainingEvent): void;
  plan(plan: Readonly<Record<string, unknown>>): void;
}

/**
 * Runs one job on this thread (the worker's) and returns its result and the buffers to transfer.
 * NOTE: the caller's random state is set after loading the model (building layers from their
 * configs draws initial weights that the saved ones then replace), just before the call.
 */
export async function runJob(
  job: JobRequest, context: JobContext, control: JobControl, outlet: JobOutlet,
): Promise<{ result: JobResult; transfer: ArrayBuffer[] }> {
  const transfer: ArrayBuffer[] = [];
  const relay = relayCallback(context, control, (event) => outlet.event(event));
  if (job.kind === 'trainClassifier') {
    const builtins = builtinCallbacks(job.callbacks);
    globalRandom.setState(context.random);
    const classifier = await trainClassifier(job.table as TrainingTable, {
      ...job.options,
      callbacks: [...builtins, relay],
      ...(job.wantsPlan ? { onPlan: ({ table: _table, ...plan }) => { outlet.plan(plan); } } : {}),
    });
    const model = sentFiles(modelToFiles(classifier.model), transfer);
    const diagnostics = found(classifier.model, ['compile', 'fit', 'training', 'predict', 'evaluate']);
    const { pipeline, trainingRun } = classifier;
    return { result: { kind: 'trainClassifier', model, pipeline, trainingRun, diagnostics }, transfer };
  }
  if (job.kind === 'kernelThreadStats') {
    // NOTE: every job hands its random state back to the caller, so this one, which draws
    // nothing, must hold the caller's too; else the worker's stale state would replace it.
    globalRandom.setState(context.random);
    return { result: { kind: 'kernelThreadStats', stats: kernelThreadStats() }, transfer };
  }
  const model = modelFromFiles(job.model, 'the model from the calling thread').model;
  globalRandom.setState(context.random);
  if (job.kind === 'predict') {
    const output = tensorData(model.predict(fromTensorData(job.x), job.options), transfer);
    return { result: { kind: 'predict', output, diagnostics: found(model, ['predict']) }, transfer };
  }
  if (job.kind === 'evaluate') {
    const results = model.evaluate(fromTensorData(job.x), fromTensorData(job.y), job.options);
    return { result: { kind: 'evaluate', results, diagnostics: found(model, ['evaluate']) }, transfer };
  }
  const builtins = builtinCallbacks(job.callbacks);
  const { validationData: data, ...options } = job.options;
  const validationData = data && (data.length === 3
    ? [fromTensorData(data[0]), fromTensorData(data[1]), data[2]] as const
    : [fromTensorData(data[0]), fromTensorData(data[1])] as const);
  const callbacks: Callback[] = [...builtins, relay];
  const history = await model.fit(fromTensorData(job.x), fromTensorData(job.y), { ...options, validationData, callbacks });
  return {
    result: {
      kind: 'fit', model: sentFiles(modelToFiles(model, { includeOptimizer: true }), transfer), stopTraining: model.stopTraining, diagnostics: found(model, ['fit', 'training']),
      history: sentHistory(history), callbacks: builtinStates(builtins),
    },
    transfer,
  };
}

function found(model: Model, stages: readonly DiagnosticStage[]): Diagnostic[] {
  return model.diagnostics.filter((d) => stages.includes(d.stage));
}

function sentHistory(history: History): SentHistory {
  const { params, epoch, diagnostics } = history;
  return { params, epoch, history: history.history, diagnostics };
}
