import type { Callback } from '../callbacks/callback.js';
import { EarlyStopping } from '../callbacks/early-stopping.js';
import type { Verbosity } from '../callbacks/progress-logger.js';
import type { InputColumns } from '../doctor/input-columns.js';
import type { History } from '../model/history.js';
import type { Model } from '../model/model.js';
import { setSeed } from '../random/random.js';
import type { Tensor } from '../tensor/tensor.js';
import { balancedClassWeight } from './balanced-class-weight.js';
import type { ClassifierSettings } from './classifier-options.js';
import { mlpClassifier } from './mlp-classifier.js';

/** The quantity early stopping watches (and restores the best weights of). */
export const MONITOR = 'val_loss';

/** Rows to learn from: x (rows, features) preprocessed, y (rows) class indices. */
export interface LabelledRows {
  readonly x: Tensor;
  readonly y: Int32Array;
}

export interface TrainedNetwork {
  readonly model: Model;
  readonly loss: string;
  readonly history: History;
  /** 0-based epoch whose weights were kept: the lowest val_loss, or the last epoch without validation rows. */
  readonly bestEpoch: number;
  /** 0-based epoch at which early stopping ended training; undefined when every epoch ran. */
  readonly stoppedEpoch: number | undefined;
}

/**
 * Trains one MLP of the settings on `train`: with `validation` rows, for at most `epochs`
 * epochs with early stopping on val_loss (best weights restored); without, for exactly `epochs`
 * epochs (a refit once early stopping has chosen the count). `seed` seeds the initial weights,
 * dropout and shuffling, so a run is reproducible.
 */
export async function trainNetwork(parts: {
  readonly settings: ClassifierSettings;
  readonly features: number;
  readonly featureNames: readonly string[];
  readonly classes: number;
  readonly train: LabelledRows;
  readonly validation?: LabelledRows;
  readonly epochs: number;
  readonly seed: number;
  readonly inputColumns?: InputColumns;
  readonly callbacks?: readonly Callback[];
  readonly verbose?: Verbosity;
}): Promise<TrainedNetwork> {
  const { settings, train, validation } = parts;
  setSeed(parts.seed);
  const { model, loss } = mlpClassifier({ features: parts.features, classes: parts.classes, hidden: settings.hidden, dropout: settings.dropout });
  model.featureNames = parts.featureNames;
  const learningRate = settings.learningRate === undefined ? {} : { learningRate: settings.learningRate };
  // NOTE: the pipeline reports precision, recall, ROC-AUC and the majority baseline on every run,
  // so the doctor's accuracy-paradox advice (compile more metrics) does not apply to it.
  model.compile({ optimizer: { className: settings.optimizer, config: learningRate }, loss, metrics: ['accuracy'], silence: ['accuracy-paradox'] });
  // NOTE: the doctor's column checks (target leakage, identifiers) then read the CSV's columns.
  if (parts.inputColumns !== undefined) model.doctor.inputColumns = parts.inputColumns;
  const earlyStopping = validation === undefined ? undefined : new EarlyStopping({ monitor: MONITOR, patience: settings.patience, restoreBestWeights: true });
  const history = await model.fit(train.x, train.y, {
    epochs: parts.epochs,
    batchSize: settings.batchSize,
    ...(validation === undefined ? {} : { validationData: [validation.x, validation.y] as [Tensor, Int32Array] }),
    classWeight: settings.classWeight === 'balanced' ? balancedClassWeight(train.y) : undefined,
    callbacks: [...(earlyStopping === undefined ? [] : [earlyStopping]), ...(parts.callbacks ?? [])],
    verbose: parts.verbose ?? 0,
  });
  if (earlyStopping === undefined) return { model, loss, history, bestEpoch: history.epoch.length - 1, stoppedEpoch: undefined };
  const stoppedEpoch = earlyStopping.stoppedEpoch > 0 ? earlyStopping.stoppedEpoch : undefined;
  return { model, loss, history, bestEpoch: earlyStopping.bestEpoch, stoppedEpoch };
}
