import { parsePreprocessorConfig, type PreprocessorConfig } from '../data/preprocessor-config.js';
import { listNames } from '../data/table.js';
import { FormatError, NnkitError } from '../errors.js';
import { JsonReader } from '../utils/json-reader.js';
import { CALIBRATION_METHODS, type PipelineCalibration } from './calibration.js';
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
  if (positive !== undefined && positive.field('value').value !== classNames[1]) {
    positive.field('value').fail(`the positive class, the last class name (${JSON.stringify(classNames[1])})`);
  }
  const threshold = section.optional('threshold');
  if (task === 'binary' && threshold === undefined) section.field('threshold').fail('the threshold choice { objective, value, rule }');
  const config = readPreprocessor(preprocessor);
  const data = readData(section.field('data'), classNames.length, config);
  const split = readSplit(section.field('split'), data.rows);
  return {
    format: 'nnkit.classifier',
    version: 2,
    task,
    target,
    classNames,
    ...(positive === undefined ? {} : { positiveClass: { value: positive.field('value').string(), message: positive.field('message').string() } }),
    preprocessor: config,
    ...(threshold === undefined ? {} : { threshold: readThreshold(threshold) }),
    ...optionalSections(section, classNames.length),
    data,
    split,
    training: readTraining(section.field('training')),
    testMetrics: Object.fromEntries(
      Object.keys(section.field('testMetrics').object()).map((key) => {
        const value = section.field('testMetrics').field(key);
        // NOTE: a loss is any number ≥ 0; every other headline metric is a share, in [0, 1].
        return [key, value.value === null ? null : value.number(key === 'loss' ? { min: 0 } : { min: 0, max: 1 })];
      }),
    ),
    createdAt: section.field('createdAt').string(),
  };
}

function readPreprocessor(reader: JsonReader): PreprocessorConfig {
  reader.object();
  try {
    // NOTE: the config's own reader names the bad field by its path from this section.
    return parsePreprocessorConfig(reader.value, reader.path);
  } catch (error) {
    if (!(error instanceof NnkitError)) throw error;
    throw new FormatError('format/invalid', `${reader.file}: ${error.message}`, reader.file, { cause: error });
  }
}

function readThreshold(reader: JsonReader): PipelineThreshold {
  const rows = reader.optional('rows');
  return {
    objective: reader.field('objective').string(),
    value: reader.field('value').number({ min: 0, max: 1 }),
    rule: reader.field('rule').string(),
    ...(rows === undefined ? {} : { rows: rows.integer(1) }),
  };
}

/** The sections a classifier may have (files written before them have none): calibration, ensemble, refit. */
function optionalSections(section: JsonReader, classes: number): Pick<ClassifierPipeline, 'calibration' | 'ensemble' | 'refit' | 'testMetricsOn'> {
  const calibration = section.optional('calibration');
  const ensemble = section.optional('ensemble');
  const refit = section.optional('refit');
  const on = section.optional('testMetricsOn');
  return {
    ...(calibration === undefined ? {} : { calibration: readCalibration(calibration, classes) }),
    ...(ensemble === undefined ? {} : { ensemble: readEnsemble(ensemble) }),
    ...(refit === undefined ? {} : { refit: { epochs: refit.field('epochs').integer(1) } }),
    ...(on === undefined ? {} : { testMetricsOn: on.oneOf(['test', 'out-of-fold', 'validation'] as const) }),
  };
}

function readEnsemble(reader: JsonReader): NonNullable<ClassifierPipeline['ensemble']> {
  const members = reader.field('members').integer(2);
  const epochs = reader.field('epochs');
  const items = epochs.items(MAX_ITEMS).map((item) => item.integer(1));
  if (items.length !== members) epochs.fail(`one epoch count per member (${members})`);
  return { members, epochs: items };
}

function readCalibration(reader: JsonReader, classes: number): PipelineCalibration {
  const map = reader.field('map');
  const method = map.field('method').oneOf(CALIBRATION_METHODS);
  if (classes > 2 && method !== 'temperature') map.field('method').fail('"temperature", the calibration of more than two classes');
  const finite = (key: string) => map.field(key).number();
  const scores = (key: string) => {
    const at = reader.field(key);
    return { ece: at.field('ece').number({ min: 0, max: 1 }), brier: at.field('brier').number({ min: 0, max: 2 }), logLoss: at.field('logLoss').number({ min: 0 }) };
  };
  return {
    map: method === 'temperature'
      ? { method, temperature: positive(map.field('temperature')) }
      : method === 'sigmoid'
        ? { method, a: finite('a'), b: finite('b') }
        : { method, ...readIsotonic(map) },
    fittedOn: reader.field('fittedOn').oneOf(['validation', 'out-of-fold', 'held-out'] as const),
    rows: reader.field('rows').integer(1),
    before: scores('before'),
    after: scores('after'),
  };
}

/** An isotonic map: increasing x, non-decreasing y in [0, 1], as many of each. */
function readIsotonic(map: JsonReader): { x: number[]; y: number[] } {
  const x = map.field('x').items(MAX_ITEMS).map((item) => item.number());
  const yField = map.field('y');
  const y = yField.items(MAX_ITEMS).map((item) => item.number({ min: 0, max: 1 }));
  if (x.length === 0 || x.some((value, i) => i > 0 && !(value > x[i - 1]))) map.field('x').fail('one or more increasing numbers');
  if (y.length !== x.length || y.some((value, i) => i > 0 && value < y[i - 1])) yField.fail(`${x.length} non-decreasing numbers, one per x`);
  return { x, y };
}

function positive(reader: JsonReader): number {
  const value = reader.number({ min: 0 });
  if (value === 0) reader.fail('a number above 0');
  return value;
}

function readData(reader: JsonReader, classes: number, preprocessor: PreprocessorConfig): TrainingData {
  const file = reader.optional('file');
  const delimiter = reader.optional('delimiter');
  const rows = reader.field('rows').integer(1);
  const counts = reader.field('classCounts');
  const classCounts = counts.items(MAX_ITEMS).map((item) => item.integer(1));
  if (classCounts.length !== classes) counts.fail(`${classes} row counts, one per class`);
  if (classCounts.reduce((sum, count) => sum + count, 0) !== rows) counts.fail(`row counts adding up to data.rows (${rows})`);
  const features = reader.field('featureColumns');
  const featureColumns = features.stringArray(MAX_ITEMS);
  const inputs = preprocessor.columns.map((column) => column.name);
  if (featureColumns.length !== inputs.length || featureColumns.some((name, c) => name !== inputs[c])) {
    features.fail(`the preprocessor's input columns (${listNames(inputs)})`);
  }
  const columns = reader.field('columns');
  // NOTE: the features, the target, and the columns ignored in training.
  if (columns.integer(1) < featureColumns.length + 1 + (preprocessor.ignoredColumns?.length ?? 0)) {
    columns.fail('the number of columns: at least the feature columns, the ignored ones and the target');
  }
  return {
    ...(file === undefined ? {} : { file: file.string() }),
    rows,
    columns: columns.integer(1),
    ...(delimiter === undefined ? {} : { delimiter: delimiter.string() }),
    classCounts,
    featureColumns,
  };
}

function readSplit(reader: JsonReader, rows: number): ClassifierPipeline['split'] {
  const split = {
    train: reader.field('train').integer(1),
    // NOTE: an ensemble has no validation rows, and testSplit 0 no test rows.
    validation: reader.field('validation').integer(0),
    test: reader.field('test').integer(0),
    seed: reader.field('seed').integer(Number.MIN_SAFE_INTEGER),
  };
  if (split.train + split.validation + split.test !== rows) reader.fail(`train, validation and test rows adding up to data.rows (${rows})`);
  return split;
}

function readTraining(reader: JsonReader): TrainingSummary {
  const history = reader.field('history');
  const stopped = reader.optional('stoppedEpoch');
  const settings = readSettings(reader.field('settings'));
  const run = reader.field('epochsRun');
  const epochsRun = run.integer(1);
  if (epochsRun > settings.epochs) run.fail(`at most training.settings.epochs (${settings.epochs}) epochs`);
  const epoch = (field: JsonReader) => {
    if (field.integer(0) >= epochsRun) field.fail(`an epoch index below epochsRun (${epochsRun})`);
    return field.integer(0);
  };
  return {
    settings,
    history: Object.fromEntries(
      Object.keys(history.object()).map((key) => {
        const values = history.field(key);
        const items = values.items(MAX_ITEMS);
        if (items.length !== epochsRun) values.fail(`one value per epoch run (${epochsRun})`);
        // NOTE: JSON has no NaN; a diverged epoch's loss is saved as null and read back as NaN.
        return [key, items.map((item) => (item.value === null ? NaN : item.number()))];
      }),
    ),
    epochsRun,
    monitor: reader.field('monitor').string(),
    bestEpoch: epoch(reader.field('bestEpoch')),
    ...(stopped === undefined ? {} : { stoppedEpoch: epoch(stopped) }),
  };
}

function readSettings(reader: JsonReader): TrainingSettings {
  const rate = reader.field('learningRate');
  return {
    hidden: reader.field('hidden').items(MAX_ITEMS).map((item) => item.integer(1)),
    dropout: below(reader.field('dropout'), { min: 0, max: 1 }),
    epochs: reader.field('epochs').integer(1),
    patience: reader.field('patience').integer(1),
    batchSize: reader.field('batchSize').integer(1),
    optimizer: reader.field('optimizer').string(),
    learningRate: rate.value === null ? null : above(rate, { min: 0 }),
    classWeight: reader.field('classWeight').oneOf(['none', 'balanced'] as const),
    validationSplit: above(reader.field('validationSplit'), { min: 0, max: 1 }, true),
    testSplit: below(reader.field('testSplit'), { min: 0, max: 1 }),
    seed: reader.field('seed').integer(Number.MIN_SAFE_INTEGER),
  };
}

/** A number in (min, max] — or (min, max) when `open` — as trainClassifier accepts it. */
function above(reader: JsonReader, range: { min: number; max?: number }, open = false): number {
  const value = reader.number(range);
  if (value === range.min || (open && value === range.max)) reader.fail(`a number above ${range.min}${open ? ` and below ${range.max}` : ''}`);
  return value;
}

/** A number in [min, max), as dropout. */
function below(reader: JsonReader, range: { min: number; max: number }): number {
  const value = reader.number(range);
  if (value === range.max) reader.fail(`a number from ${range.min} up to (not including) ${range.max}`);
  return value;
}
