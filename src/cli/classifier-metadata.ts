import { FormatError, show } from '../errors.js';
import { Preprocessor } from '../data/preprocessor.js';
import type { PreprocessorConfig } from '../data/preprocessor-config.js';
import type { Model } from '../model/model.js';
import { headlineMetrics } from './results-json.js';
import { MONITOR, type TrainedClassifier } from './train-classifier.js';

/**
 * What `nnkit train` stores in `model.metadata` beside the weights, so the saved model takes raw
 * CSV rows (`preprocessor`) and `evaluate`, `predict` and `summary` know the task, the classes
 * and how the model was trained (`classifier`). Read back with `readClassifier`, which checks
 * every field the commands rely on.
 */
export interface ClassifierMetadata {
  readonly format: 'nnkit.classifier';
  readonly version: 1;
  readonly task: 'binary' | 'multiclass';
  /** The target column's name in the training file. */
  readonly target: string;
  /** Class names in class-index order; binary: [negative, positive]. */
  readonly classNames: readonly string[];
  /** Binary: the positive class and why it was chosen. */
  readonly positiveClass?: { readonly value: string; readonly message: string };
  readonly data: {
    readonly file: string;
    readonly rows: number;
    readonly columns: number;
    readonly delimiter: string;
    readonly classCounts: readonly number[];
    /** The input columns, target excluded, in file order. */
    readonly featureColumns: readonly string[];
  };
  readonly split: { readonly train: number; readonly validation: number; readonly test: number; readonly seed: number };
  /** Binary: how the decision threshold (saved as model.threshold) was chosen. */
  readonly threshold?: { readonly objective: string; readonly value: number; readonly rule: string };
  readonly training: {
    /** The settings the model was trained with (hidden, dropout, epochs, ...). */
    readonly settings: Readonly<Record<string, unknown>>;
    /** Keras' History.history: loss, accuracy, val_loss, val_accuracy, one value per epoch. */
    readonly history: Readonly<Record<string, readonly number[]>>;
    readonly epochsRun: number;
    readonly monitor: string;
    /** 0-based epoch whose weights were restored. */
    readonly bestEpoch: number;
    /** 0-based epoch at which early stopping ended training; absent when every epoch ran. */
    readonly stoppedEpoch?: number;
  };
  /** The test-split results: loss, accuracy, baselineAccuracy, precision, recall, f1, rocAuc... */
  readonly testMetrics: Readonly<Record<string, number | null>>;
  readonly createdAt: string;
}

export interface SavedClassifier {
  readonly metadata: ClassifierMetadata;
  readonly preprocessor: Preprocessor;
}

/** Stores the classifier description and the fitted preprocessing in the model's metadata. */
export function storeClassifier(model: Model, metadata: ClassifierMetadata, preprocessor: Preprocessor): void {
  model.metadata = { ...model.metadata, preprocessor: preprocessor.getConfig() as PreprocessorConfig, classifier: metadata };
}

/** The description `nnkit train` stores for a trained classifier. */
export function classifierMetadata(trained: TrainedClassifier, epochsRun: number): ClassifierMetadata {
  const { settings, data, classNames } = trained;
  const target = data.target!;
  const history = Object.fromEntries(Object.entries(trained.history.history).map(([key, values]) => [key, [...values]]));
  return {
    format: 'nnkit.classifier',
    version: 1,
    task: classNames.length === 2 ? 'binary' : 'multiclass',
    target: target.name,
    classNames,
    ...(target.positive === undefined ? {} : { positiveClass: { value: target.positive.value, message: target.positive.message } }),
    data: {
      file: settings.file,
      rows: data.rows,
      columns: data.header.length,
      delimiter: data.delimiter,
      classCounts: target.counts,
      featureColumns: data.features.columns.map((column) => column.name),
    },
    split: { train: trained.split.train.length, validation: trained.split.validation.length, test: trained.split.test.length, seed: settings.seed },
    ...(trained.threshold === undefined
      ? {}
      : { threshold: { objective: trained.threshold.objective, value: trained.threshold.value, rule: trained.threshold.rule } }),
    training: {
      settings: {
        hidden: settings.hidden,
        dropout: settings.dropout,
        epochs: settings.epochs,
        patience: settings.patience,
        batchSize: settings.batchSize,
        optimizer: settings.optimizer,
        learningRate: settings.learningRate ?? null,
        classWeight: settings.classWeight,
        validationSplit: settings.validationSplit,
        testSplit: settings.testSplit,
        seed: settings.seed,
      },
      history,
      epochsRun,
      monitor: MONITOR,
      bestEpoch: trained.bestEpoch,
      ...(trained.stoppedEpoch === undefined ? {} : { stoppedEpoch: trained.stoppedEpoch }),
    },
    testMetrics: headlineMetrics(trained.test),
    createdAt: new Date().toISOString(),
  };
}

/** Reads and checks what `nnkit train` stored in a loaded model (`dir` names it in errors). */
export function readClassifier(model: Model, dir: string): SavedClassifier {
  const stored = model.metadata.classifier;
  if (stored === undefined || model.metadata.preprocessor === undefined) {
    throw new FormatError(
      'format/not-a-classifier',
      `The model in ${dir} holds no nnkit classifier description (no preprocessing in its metadata); ` +
        'the nnkit command works with models saved by "nnkit train". Use the library API for other models.',
      dir,
    );
  }
  const metadata = checkMetadata(stored, dir);
  const preprocessor = Preprocessor.fromConfig(model.metadata.preprocessor);
  const units = model.outputUnits;
  const expectedUnits = metadata.task === 'binary' ? 1 : metadata.classNames.length;
  if (units !== expectedUnits) {
    fail(dir, 'classifier.classNames', metadata.classNames, `${units === 1 ? 2 : units} class names to match the model's ${units} output units`);
  }
  if (preprocessor.numFeatures !== model.inputFeatures) {
    fail(dir, 'preprocessor', preprocessor.numFeatures, `a preprocessor making the model's ${model.inputFeatures} input features`);
  }
  return { metadata, preprocessor };
}

function checkMetadata(value: unknown, dir: string): ClassifierMetadata {
  const root = objectAt(value, dir, 'classifier');
  if (root.format !== 'nnkit.classifier' || root.version !== 1) {
    fail(dir, 'classifier.format', root.format, '"nnkit.classifier" version 1 (save the model again with this nnkit)');
  }
  if (root.task !== 'binary' && root.task !== 'multiclass') fail(dir, 'classifier.task', root.task, '"binary" or "multiclass"');
  if (typeof root.target !== 'string') fail(dir, 'classifier.target', root.target, 'the target column name');
  const names = root.classNames;
  const count = root.task === 'binary' ? 2 : 3;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string') || names.length < count || (root.task === 'binary' && names.length !== 2)) {
    fail(dir, 'classifier.classNames', names, root.task === 'binary' ? 'two class names' : 'three or more class names');
  }
  objectAt(root.data, dir, 'classifier.data');
  objectAt(root.split, dir, 'classifier.split');
  const training = objectAt(root.training, dir, 'classifier.training');
  objectAt(training.history, dir, 'classifier.training.history');
  objectAt(root.testMetrics, dir, 'classifier.testMetrics');
  if (root.task === 'binary') {
    const threshold = objectAt(root.threshold, dir, 'classifier.threshold');
    if (typeof threshold.value !== 'number' || typeof threshold.rule !== 'string' || typeof threshold.objective !== 'string') {
      fail(dir, 'classifier.threshold', threshold.value, '{ objective, value, rule }');
    }
  }
  return root as unknown as ClassifierMetadata;
}

function objectAt(value: unknown, dir: string, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(dir, path, value, 'an object');
  return value as Record<string, unknown>;
}

function fail(dir: string, path: string, value: unknown, expected: string): never {
  throw new FormatError(
    'format/classifier-metadata',
    `${dir}/model.json: metadata ${path} is ${show(value)} but should be ${expected}; the file is damaged or from ` +
      'another tool. Train and save the model again with "nnkit train".',
    dir,
  );
}
