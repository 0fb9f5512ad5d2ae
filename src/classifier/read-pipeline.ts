import { parsePreprocessorConfig, type PreprocessorConfig } from '../data/preprocessor-config.js';
import { FormatError, NnkitError } from '../errors.js';
import { JsonReader } from '../utils/json-reader.js';
import type { ClassifierPipeline, PipelineThreshold, TrainingData, TrainingSettings, TrainingSummary } from './classifier-pipeline.js';

/** Most classes, columns and epochs a saved classifier may list (far past any real one). */
const MAX_ITEMS = 1_000_000;

/**
 * Reads a classifier's saved section, checking every field: a bad one fails with its path and
 * value (`model.json: pipeline.classNames[1]: expected a string, got 3; …`). `section` reads the
 * section, `preprocessor` its fitted preprocessing (inside it today; beside it in version 1,
 * which `version` says to expect).
 */
export function readPipeline(section: JsonReader, preprocessor: JsonReader, version: 1 | 2): ClassifierPipeline {
  section.field('format').oneOf(['nnkit.classifier']);
  const saved = section.field('version');
  if (saved.value !== version) saved.fail(`version ${version}`);
  const task = section.field('task').oneOf(['binary', 'multiclass'] as const);
  const target = section.field('target').string();
  const names = section.field('classNames');
  const classNames = names.stringArray(MAX_ITEMS);
  if (task === 'binary' ? classNames.length !== 2 : classNames.length < 3) {
    names.fail(task === 'binary' ? 'two class names for a binary task' : 'three or more class names for a multiclass task');
  }
  if (new Set(classNames).size !== classNames.length) names.fail('distinct class names');
  const positive = section.optional('positiveClass');
  const threshold = section.optional('threshold');
  if (task === 'binary' && threshold === undefined) section.field('threshold').fail('the threshold choice { objective, value, rule }');
  return {
    format: 'nnkit.classifier',
    version: 2,
    task,
    target,
    classNames,
    ...(positive === undefined ? {} : { positiveClass: { value: positive.field('value').string(), message: positive.field('message').string() } }),
    preprocessor: readPreprocessor(preprocessor),
    ...(threshold === undefined ? {} : { threshold: readThreshold(threshold) }),
    data: readData(section.field('data'), classNames.length),
    split: readSplit(section.field('split')),
    training: readTraining(section.field('training')),
    testMetrics: Object.fromEntries(
      Object.keys(section.field('testMetrics').object()).map((key) => {
        const value = section.field('testMetrics').field(key);
        return [key, value.value === null ? null : value.number()];
      }),
    ),
    createdAt: section.field('createdAt').string(),
  };
}

function readPreprocessor(reader: JsonReader): PreprocessorConfig {
  reader.object();
  try {
    return parsePreprocessorConfig(reader.value);
  } catch (error) {
    if (!(error instanceof NnkitError)) throw error;
    throw new FormatError('format/invalid', `${reader.file}: ${reader.path}: ${error.message}`, reader.file, { cause: error });
  }
}

function readThreshold(reader: JsonReader): PipelineThreshold {
  return { objective: reader.field('objective').string(), value: reader.field('value').number(), rule: reader.field('rule').string() };
}

function readData(reader: JsonReader, classes: number): TrainingData {
  const file = reader.optional('file');
  const delimiter = reader.optional('delimiter');
  const counts = reader.field('classCounts');
  const classCounts = counts.items(MAX_ITEMS).map((item) => item.integer());
  if (classCounts.length !== classes) counts.fail(`${classes} row counts, one per class`);
  return {
    ...(file === undefined ? {} : { file: file.string() }),
    rows: reader.field('rows').integer(1),
    columns: reader.field('columns').integer(1),
    ...(delimiter === undefined ? {} : { delimiter: delimiter.string() }),
    classCounts,
    featureColumns: reader.field('featureColumns').stringArray(MAX_ITEMS),
  };
}

function readSplit(reader: JsonReader): ClassifierPipeline['split'] {
  return {
    train: reader.field('train').integer(1),
    validation: reader.field('validation').integer(1),
    test: reader.field('test').integer(1),
    seed: reader.field('seed').integer(Number.MIN_SAFE_INTEGER),
  };
}

function readTraining(reader: JsonReader): TrainingSummary {
  const history = reader.field('history');
  const stopped = reader.optional('stoppedEpoch');
  return {
    settings: readSettings(reader.field('settings')),
    history: Object.fromEntries(
      Object.keys(history.object()).map((key) => [
        key,
        // NOTE: JSON has no NaN; a diverged epoch's loss is saved as null and read back as NaN.
        history.field(key).items(MAX_ITEMS).map((item) => (item.value === null ? NaN : item.number())),
      ]),
    ),
    epochsRun: reader.field('epochsRun').integer(1),
    monitor: reader.field('monitor').string(),
    bestEpoch: reader.field('bestEpoch').integer(0),
    ...(stopped === undefined ? {} : { stoppedEpoch: stopped.integer(0) }),
  };
}

function readSettings(reader: JsonReader): TrainingSettings {
  const rate = reader.field('learningRate');
  return {
    hidden: reader.field('hidden').items(MAX_ITEMS).map((item) => item.integer(1)),
    dropout: reader.field('dropout').number({ min: 0, max: 1 }),
    epochs: reader.field('epochs').integer(1),
    patience: reader.field('patience').integer(1),
    batchSize: reader.field('batchSize').integer(1),
    optimizer: reader.field('optimizer').string(),
    learningRate: rate.value === null ? null : rate.number({ min: 0 }),
    classWeight: reader.field('classWeight').oneOf(['none', 'balanced'] as const),
    validationSplit: reader.field('validationSplit').number({ min: 0, max: 1 }),
    testSplit: reader.field('testSplit').number({ min: 0, max: 1 }),
    seed: reader.field('seed').integer(Number.MIN_SAFE_INTEGER),
  };
}
