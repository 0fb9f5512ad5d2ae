import { CLASSIFIER_DEFAULTS, type TrainClassifierOptions } from '../classifier/classifier-options.js';
import { optimizerNames } from '../optimizers/get-optimizer.js';
import type { OptimizerName } from '../optimizers/optimizer.js';
import type { ThresholdObjective } from '../threshold/objective.js';
import type { ReadCsvOptions } from '../node/read-csv.js';
import type { ColumnType, Decimal } from '../data/table.js';
import { columnTypeFlags, decimalFlag } from './column-flags.js';
import type { CommandLine, OptionSpecs } from './parse-command-line.js';
import { choice, fieldDelimiter, fraction, integer, layerSizes, outputFile, positiveInteger, positiveNumber, requiredPath } from './option-values.js';
import { parseThresholdFlag } from './threshold-flag.js';
import { CALIBRATION_METHODS, type CalibrationMethod } from '../classifier/calibration.js';
import { ensembleSize } from './ensemble-flag.js';

/** Everything `nnkit train` needs to know, with the defaults filled in. */
export interface TrainSettings {
  readonly file: string;
  /** The target column; undefined: `label`, else the last column. */
  readonly target?: string;
  readonly positive?: string;
  readonly delimiter?: string;
  /** Undefined: sniffed from the file. */
  readonly decimal?: Decimal;
  /** From --column-type and --ignore. */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  readonly maxCategories: number;
  readonly minFrequency: number;
  readonly out: string;
  readonly report?: string;
  /** Undefined (with the next three): the library's default, which --ensemble auto sizes to the table. */
  readonly hidden?: readonly number[];
  readonly dropout?: number;
  readonly epochs: number;
  readonly batchSize?: number;
  readonly optimizer: OptimizerName;
  /** Undefined: the optimizer's Keras default. */
  readonly learningRate?: number;
  readonly validationSplit: number;
  readonly testSplit: number;
  readonly patience?: number;
  readonly classWeight: 'none' | 'balanced';
  /** Undefined: the default, F1 tuned on the validation rows (two-class targets only). */
  readonly threshold?: number | ThresholdObjective;
  readonly seed: number;
  readonly calibrate?: CalibrationMethod;
  /** A member count (1: one network) or 'auto' (the default). */
  readonly ensemble: number | 'auto';
  readonly refit: boolean;
}

/** The library's defaults, which the help text shows; `nnkit train` sizes the ensemble to the table. */
export const DEFAULTS = { ...CLASSIFIER_DEFAULTS, ensemble: 'auto' } as const;

/** util.parseArgs option specs of `nnkit train` (values are checked by `trainSettings`). */
export const TRAIN_OPTIONS: OptionSpecs = {
  target: { type: 'string' },
  positive: { type: 'string' },
  delimiter: { type: 'string' },
  decimal: { type: 'string' },
  'column-type': { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  'max-categories': { type: 'string' },
  'min-frequency': { type: 'string' },
  out: { type: 'string', short: 'o' },
  hidden: { type: 'string' },
  dropout: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  optimizer: { type: 'string' },
  'learning-rate': { type: 'string' },
  'validation-split': { type: 'string' },
  'test-split': { type: 'string' },
  patience: { type: 'string' },
  'class-weight': { type: 'string' },
  threshold: { type: 'string' },
  seed: { type: 'string' },
  calibrate: { type: 'string' },
  ensemble: { type: 'string' },
  refit: { type: 'boolean' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Checks and converts train's options; `file` is the data file (given or bundled). `cmd` is the
 * command whose --help errors point to ('cv' reads train's options too).
 */
export function trainSettings(line: CommandLine, file: string, cmd: 'train' | 'cv' = 'train'): TrainSettings {
  const v = line.values;
  const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const optional = <T>(name: string, convert: (value: string) => T): T | undefined => {
    const value = text(name);
    return value === undefined ? undefined : convert(value);
  };
  const out = requiredPath(cmd, 'out', v.out, 'the folder to save the model in', 'models/breast-cancer');
  return {
    file,
    target: text('target'),
    positive: text('positive'),
    delimiter: optional('delimiter', (value) => fieldDelimiter(cmd, 'delimiter', value)),
    decimal: optional('decimal', (value) => decimalFlag(cmd, value)),
    columnTypes: columnTypeFlags(cmd, v['column-type'] as string[] | undefined, v.ignore as string[] | undefined),
    maxCategories: optional('max-categories', (value) => positiveInteger(cmd, 'max-categories', value)) ?? DEFAULTS.maxCategories,
    minFrequency: optional('min-frequency', (value) => positiveInteger(cmd, 'min-frequency', value)) ?? DEFAULTS.minFrequency,
    out,
    hidden: optional('hidden', (value) => layerSizes(cmd, 'hidden', value)),
    dropout: optional('dropout', (value) => fraction(cmd, 'dropout', value, true)),
    epochs: optional('epochs', (value) => positiveInteger(cmd, 'epochs', value)) ?? DEFAULTS.epochs,
    batchSize: optional('batch-size', (value) => positiveInteger(cmd, 'batch-size', value)),
    // NOTE: Keras spells optimizers Adam, RMSprop, SGD...; nnkit's names are the lower-case forms.
    optimizer: optional('optimizer', (value) => choice(cmd, 'optimizer', value.toLowerCase(), optimizerNames)) ?? DEFAULTS.optimizer,
    learningRate: optional('learning-rate', (value) => positiveNumber(cmd, 'learning-rate', value)),
    validationSplit: optional('validation-split', (value) => fraction(cmd, 'validation-split', value, false)) ?? DEFAULTS.validationSplit,
    testSplit: optional('test-split', (value) => fraction(cmd, 'test-split', value, true)) ?? DEFAULTS.testSplit,
    patience: optional('patience', (value) => positiveInteger(cmd, 'patience', value)),
    classWeight: optional('class-weight', (value) => choice(cmd, 'class-weight', value, ['none', 'balanced'] as const)) ?? DEFAULTS.classWeight,
    threshold: optional('threshold', (value) => parseThresholdFlag(cmd, value)),
    seed: optional('seed', (value) => integer(cmd, 'seed', value)) ?? DEFAULTS.seed,
    calibrate: optional('calibrate', (value) => choice(cmd, 'calibrate', value, CALIBRATION_METHODS)),
    ensemble: optional('ensemble', (value) => ensembleSize(cmd, value)) ?? DEFAULTS.ensemble,
    refit: v.refit === true,
    report: optional('report', (value) => outputFile(cmd, 'report', value, 'report.html')),
  };
}

/** readCsv's options for the settings: the target, the positive class and how to read the columns. */
export function readOptions(settings: TrainSettings): ReadCsvOptions {
  const { target, positive, delimiter, decimal, columnTypes } = settings;
  return { target, positive, delimiter, decimal, columnTypes };
}

/** trainClassifier's options for the settings. */
export function classifierOptions(settings: TrainSettings): TrainClassifierOptions {
  const { hidden, dropout, epochs, patience, batchSize, optimizer, learningRate, classWeight, validationSplit, testSplit, threshold, seed } = settings;
  const { maxCategories, minFrequency, calibrate, ensemble, refit } = settings;
  return {
    refit,
    ...(calibrate === undefined ? {} : { calibrate }),
    ensemble,
    ...(hidden === undefined ? {} : { hidden }),
    ...(dropout === undefined ? {} : { dropout }),
    ...(patience === undefined ? {} : { patience }),
    ...(batchSize === undefined ? {} : { batchSize }),
    epochs, optimizer, classWeight, validationSplit, testSplit, seed, maxCategories, minFrequency,
    ...(learningRate === undefined ? {} : { learningRate }),
    ...(threshold === undefined ? {} : { threshold }),
  };
}

/** How error messages name an option on the command line: validationSplit → --validation-split. */
export function flagName(option: string): string {
  return `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
