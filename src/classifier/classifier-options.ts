import type { Callback } from '../callbacks/callback.js';
import type { Verbosity } from '../callbacks/progress-logger.js';
import { DEFAULT_MAX_CATEGORIES, DEFAULT_MIN_FREQUENCY } from '../data/preprocessor.js';
import { ConfigError, show } from '../errors.js';
import { optimizerNames } from '../optimizers/get-optimizer.js';
import type { OptimizerName } from '../optimizers/optimizer.js';
import type { ThresholdObjective } from '../threshold/objective.js';
import { thresholdSetting, type ThresholdSetting } from './threshold-choice.js';
import type { TrainingPlan } from './training-plan.js';
import { CALIBRATION_METHODS, type CalibrationMethod } from './calibration.js';

/** How `trainClassifier` trains; every option has a default (CLASSIFIER_DEFAULTS). */
export interface TrainClassifierOptions {
  /** Units of each hidden relu layer, input side first; [] for none. Default [32, 16]. */
  readonly hidden?: readonly number[];
  /** Dropout after each hidden layer, in [0, 1). Default 0.2. */
  readonly dropout?: number;
  /** Most epochs; early stopping usually ends sooner. Default 200. */
  readonly epochs?: number;
  /** Epochs without a better val_loss before early stopping. Default 20. */
  readonly patience?: number;
  /** Rows per gradient step. Default 32. */
  readonly batchSize?: number;
  /** Default 'adam'. */
  readonly optimizer?: OptimizerName;
  /** Default: the optimizer's Keras default. */
  readonly learningRate?: number;
  /** 'balanced' weighs classes inversely to their frequency. Default 'none'. */
  readonly classWeight?: 'none' | 'balanced';
  /** Share of the non-test rows used for validation, in (0, 1) (Keras' meaning). Default 0.25. */
  readonly validationSplit?: number;
  /** Share of all rows held out for the final test, in (0, 1). Default 0.2. */
  readonly testSplit?: number;
  /**
   * Two-class targets: a fixed probability (predicted positive when above it), or an objective
   * tuned on the validation rows: 'f1', 'youden', 'precision>=0.9', 'recall>=0.95', 'cost=10'
   * or a ThresholdObjective. Default 'f1'.
   */
  readonly threshold?: number | string | ThresholdObjective;
  /** Seeds the split, the initial weights, dropout and shuffling. Default 42. */
  readonly seed?: number;
  /**
   * Calibrate the probabilities on held-out rows (the validation rows, or an ensemble's
   * out-of-fold predictions): 'temperature', 'sigmoid' (Platt) or 'isotonic' (two classes).
   * Default none. The threshold is then chosen on the calibrated probabilities.
   */
  readonly calibrate?: CalibrationMethod;
  /**
   * A bagged ensemble of this many members (2 or more): each trained on all folds of the
   * training rows but one and early-stopped on that one; their probabilities averaged, the
   * threshold and calibration chosen on the out-of-fold predictions. 1: one network (the
   * default). 'auto' (the CLI's default): on at most SMALL_TABLE_ROWS training rows (after the
   * test split) with 10 of each class, SMALL_TABLE_SETTINGS (10 members of [128, 64], dropout
   * 0.1, batch 16, patience 60, each unless given), else one network.
   */
  readonly ensemble?: number | 'auto';
  /** After early stopping picks the epochs, train again on the training and validation rows for that many. Default false. */
  readonly refit?: boolean;
  /** One-hot columns per categorical column at most; rarer categories share `<other>`. Default 50. */
  readonly maxCategories?: number;
  /** Training rows a category needs for its own one-hot column (else `<other>`). Default 3; 1 keeps all. */
  readonly minFrequency?: number;
  /** More callbacks for fit (early stopping on val_loss is always there). */
  readonly callbacks?: readonly Callback[];
  /** fit's progress output: 0 silent (default), 1 a progress bar, 2 one line per epoch. */
  readonly verbose?: Verbosity;
  /** Told what training will do once the rows are split; may return callbacks sized to it. */
  readonly onPlan?: (plan: TrainingPlan) => readonly Callback[] | void;
}

export const CLASSIFIER_DEFAULTS = {
  hidden: [32, 16],
  dropout: 0.2,
  epochs: 200,
  patience: 20,
  batchSize: 32,
  optimizer: 'adam',
  classWeight: 'none',
  validationSplit: 0.25,
  testSplit: 0.2,
  threshold: 'f1',
  seed: 42,
  maxCategories: DEFAULT_MAX_CATEGORIES,
  minFrequency: DEFAULT_MIN_FREQUENCY,
} as const;

/** The options with every default filled in and every value checked. */
export interface ClassifierSettings {
  readonly hidden: readonly number[];
  readonly dropout: number;
  readonly epochs: number;
  readonly patience: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly learningRate?: number;
  readonly classWeight: 'none' | 'balanced';
  readonly validationSplit: number;
  readonly testSplit: number;
  /** Undefined: the default (F1 on the validation rows), which multi-class targets ignore. */
  readonly threshold?: ThresholdSetting;
  readonly seed: number;
  readonly calibrate?: CalibrationMethod;
  /** 'auto' is decided for the table's size by sizedRun. */
  readonly ensemble?: number | 'auto';
  readonly refit: boolean;
  readonly maxCategories: number;
  readonly minFrequency: number;
}

const KNOWN = new Set(['callbacks', 'verbose', 'onPlan', 'learningRate', 'calibrate', 'ensemble', 'refit', ...Object.keys(CLASSIFIER_DEFAULTS)]);

/** Checks the options with errors naming the option, and fills in the defaults. */
export function classifierSettings(options: TrainClassifierOptions): ClassifierSettings {
  if (typeof options !== 'object' || options === null) fail('options', options, 'an object such as { hidden: [32, 16], seed: 42 }');
  const unknown = Object.keys(options).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    throw new ConfigError(
      'config/unknown-option',
      `trainClassifier has no option ${unknown.map((key) => JSON.stringify(key)).join(', ')}; its options are ${[...KNOWN].join(', ')}.`,
    );
  }
  const d = CLASSIFIER_DEFAULTS;
  const hidden = options.hidden ?? d.hidden;
  if (!Array.isArray(hidden) || !hidden.every(isPositiveInteger)) fail('hidden', hidden, 'a list of layer sizes, whole numbers of 1 or more, e.g. [64, 32], or [] for none');
  const dropout = check('dropout', options.dropout ?? d.dropout, (v) => v >= 0 && v < 1, 'a number from 0 up to (not including) 1, e.g. 0.2');
  const epochs = check('epochs', options.epochs ?? d.epochs, isPositiveInteger, 'a whole number of 1 or more');
  const patience = check('patience', options.patience ?? d.patience, isPositiveInteger, 'a whole number of 1 or more');
  const batchSize = check('batchSize', options.batchSize ?? d.batchSize, isPositiveInteger, 'a whole number of 1 or more');
  const optimizer = options.optimizer ?? d.optimizer;
  if (!optimizerNames.includes(optimizer)) fail('optimizer', optimizer, `one of ${optimizerNames.join(', ')}`);
  if (options.learningRate !== undefined) check('learningRate', options.learningRate, (v) => v > 0 && Number.isFinite(v), 'a number above 0, e.g. 0.001');
  const classWeight = options.classWeight ?? d.classWeight;
  if (classWeight !== 'none' && classWeight !== 'balanced') fail('classWeight', classWeight, '"none" or "balanced"');
  const between = 'a number between 0 and 1 (exclusive), e.g. 0.2';
  const validationSplit = check('validationSplit', options.validationSplit ?? d.validationSplit, (v) => v > 0 && v < 1, between);
  const testSplit = check('testSplit', options.testSplit ?? d.testSplit, (v) => v >= 0 && v < 1, 'a number from 0 (no test rows) up to (not including) 1, e.g. 0.2');
  if (options.calibrate !== undefined && !CALIBRATION_METHODS.includes(options.calibrate)) fail('calibrate', options.calibrate, `one of ${CALIBRATION_METHODS.join(', ')}`);
  const ensemble = options.ensemble;
  if (ensemble !== undefined && ensemble !== 'auto') check('ensemble', ensemble, (v) => Number.isSafeInteger(v) && v >= 1 && v <= 100, 'a whole number of members from 1 (one network) to 100, e.g. 5, or "auto"');
  const refit = options.refit ?? false;
  if (typeof refit !== 'boolean') fail('refit', refit, 'true or false');
  if (refit && typeof ensemble === 'number' && ensemble > 1) {
    throw new ConfigError('config/classifier-option', 'trainClassifier: refit and ensemble do not go together (an ensemble already trains on every row but the held-out fold); choose one.');
  }
  const threshold = options.threshold === undefined ? undefined : thresholdSetting(options.threshold);
  const seed = check('seed', options.seed ?? d.seed, Number.isSafeInteger, 'a whole number, e.g. 42');
  const maxCategories = check('maxCategories', options.maxCategories ?? d.maxCategories, isPositiveInteger, 'a whole number of 1 or more, e.g. 50');
  const minFrequency = check('minFrequency', options.minFrequency ?? d.minFrequency, isPositiveInteger, 'a whole number of 1 or more (1: no minimum)');
  if (options.callbacks !== undefined && !Array.isArray(options.callbacks)) fail('callbacks', options.callbacks, 'a list of callbacks');
  if (options.onPlan !== undefined && typeof options.onPlan !== 'function') fail('onPlan', options.onPlan, 'a function');
  return {
    hidden: [...hidden],
    dropout,
    epochs,
    patience,
    batchSize,
    optimizer,
    ...(options.learningRate === undefined ? {} : { learningRate: options.learningRate }),
    classWeight,
    validationSplit,
    testSplit,
    ...(threshold === undefined ? {} : { threshold }),
    seed,
    ...(options.calibrate === undefined ? {} : { calibrate: options.calibrate }),
    ...(options.ensemble === undefined ? {} : { ensemble: options.ensemble }),
    refit,
    maxCategories,
    minFrequency,
  };
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

function check(option: string, value: number, ok: (value: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !ok(value)) fail(option, value, expected);
  return value;
}

function fail(option: string, value: unknown, expected: string): never {
  throw new ConfigError('config/classifier-option', `trainClassifier: ${option} must be ${expected}, but is ${show(value)}.`);
}
