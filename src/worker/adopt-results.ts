import { Classifier } from '../classifier/classifier.js';
import { classifierFromFiles } from '../classifier/load-classifier.js';
import type { TrainingRun } from '../classifier/training-run.js';
import { History } from '../model/history.js';
import { bytesToFiles } from '../model/model-files.js';
import { modelFromFiles } from '../model/model-from-files.js';
import { yieldToEventLoop } from '../model/yield.js';
import type { Model } from '../model/model.js';
import { globalRandom } from '../random/random.js';
import type { JobResult, SentHistory } from './worker-messages.js';

/**
 * Loads bytes without moving the random generator. NOTE: building layers from their configs
 * draws initial weights (which the saved ones replace); the generator must stay where the worker
 * left it, as an in-thread call would.
 */
function keepingRandom<T>(load: () => T): T {
  const state = globalRandom.state();
  try {
    return load();
  } finally {
    globalRandom.setState(state);
  }
}

/**
 * The files in `bytes`, unzipped in a task of their own. NOTE: the caller's thread is often a
 * page's main thread; unzipping and rebuilding (tens of milliseconds the first time, before the
 * code is compiled) in separate tasks keeps each under the 50 ms of a long task.
 */
async function filesIn(bytes: Uint8Array, where: string) {
  const files = bytesToFiles(bytes, where);
  await yieldToEventLoop();
  return files;
}

/**
 * Writes what a fit in the worker did into the caller's model, so that it is the model an
 * in-thread fit would have left: weights, optimizer state (moments, step count, learning rate),
 * stopTraining, the doctor's training ranges, row fingerprints and warnings. NOTE: the row
 * fingerprints come as a saved model keeps them (32 bits per row, see doctor/row-hashes.ts).
 */
export async function adoptFit(model: Model, result: Extract<JobResult, { kind: 'fit' }>): Promise<History> {
  const files = await filesIn(result.model, 'the model bytes from the worker');
  const trained = keepingRandom(() => modelFromFiles(files, 'the model bytes from the worker').model);
  await yieldToEventLoop();
  model.setWeights(trained.getWeights());
  const target = model.optimizer;
  const source = trained.optimizer;
  if (target && source) {
    source.state.forEach((values, i) => target.state[i].set(values));
    target.iterations = source.iterations;
    if (!target.usesSchedule) target.learningRate = source.learningRate;
  }
  model.stopTraining = result.stopTraining;
  model.doctor.featureStats = trained.doctor.featureStats;
  model.doctor.trainingRows = trained.doctor.trainingRows;
  model.doctor.clear(['fit', 'training', 'predict', 'evaluate']);
  model.doctor.reportAll(result.diagnostics);
  return historyOf(result.history);
}

/** The classifier trained in the worker: loaded from its bytes, with its training run. */
export async function adoptClassifier(result: Extract<JobResult, { kind: 'trainClassifier' }>): Promise<Classifier> {
  const files = await filesIn(result.classifier, 'the classifier bytes from the worker');
  const loaded = keepingRandom(() => classifierFromFiles(files, 'the classifier bytes from the worker'));
  await yieldToEventLoop();
  const sent = result.trainingRun as TrainingRun & { history: SentHistory };
  const trainingRun: TrainingRun = { ...sent, history: historyOf(sent.history) };
  loaded.model.doctor.reportAll(result.diagnostics);
  return new Classifier({ model: loaded.model, pipeline: loaded.pipeline, preprocessor: loaded.preprocessor, trainingRun });
}

/** A History again from its data. */
export function historyOf(sent: SentHistory): History {
  const history = new History(sent.params);
  history.epoch.push(...sent.epoch);
  for (const [key, values] of Object.entries(sent.history)) {
    // NOTE: an own property even for a key such as '__proto__', as History.record does.
    Object.defineProperty(history.history, key, { value: [...values], enumerable: true, writable: true, configurable: true });
  }
  history.diagnostics.push(...sent.diagnostics);
  return history;
}
