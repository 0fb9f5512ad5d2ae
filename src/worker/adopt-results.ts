import { Classifier } from '../classifier/classifier.js';
import type { TrainingRun } from '../classifier/training-run.js';
import { History } from '../model/history.js';
import { modelFromFiles } from '../model/model-from-files.js';
import type { Model } from '../model/model.js';
import { globalRandom } from '../random/random.js';
import { nextTask } from './next-task.js';
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
 * Writes what a fit in the worker did into the caller's model, so that it is the model an
 * in-thread fit would have left: weights, optimizer state (moments, step count, learning rate),
 * stopTraining, the doctor's training ranges, row fingerprints and warnings. NOTE: the row
 * fingerprints come as a saved model keeps them (32 bits per row, see doctor/row-hashes.ts).
 */
export async function adoptFit(model: Model, result: Extract<JobResult, { kind: 'fit' }>): Promise<History> {
  await nextTask();
  const trained = keepingRandom(() => modelFromFiles(result.model, 'the model from the worker').model);
  await nextTask();
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

/**
 * The classifier trained in the worker: its model rebuilt from its files, its pipeline (which the
 * Classifier checks against the model) and its training run.
 */
export async function adoptClassifier(result: Extract<JobResult, { kind: 'trainClassifier' }>): Promise<Classifier> {
  await nextTask();
  const model = keepingRandom(() => modelFromFiles(result.model, 'the classifier from the worker').model);
  model.doctor.reportAll(result.diagnostics);
  await nextTask();
  const sent = result.trainingRun as TrainingRun & { history: SentHistory };
  const trainingRun: TrainingRun = { ...sent, history: historyOf(sent.history) };
  return new Classifier({ model, pipeline: result.pipeline, trainingRun });
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
