import { EarlyStopping } from '../callbacks/early-stopping.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { DEFAULT_MISSING_VALUES } from '../data/parse-value.js';
import { TableScan } from '../data/table-scan.js';
import type { ColumnType, Decimal, RawColumns, Table } from '../data/table.js';
import { ConfigError } from '../errors.js';
import { setSeed } from '../random/random.js';
import { Tensor } from '../tensor/tensor.js';
import { concatArrays } from '../utils/concat-arrays.js';
import { Classifier } from './classifier.js';
import { CLASSIFIER_DEFAULTS, classifierSettings, type TrainClassifierOptions } from './classifier-options.js';
import { classifierWarnings } from './classifier-warnings.js';
import { resultsOfProbabilities } from './evaluate-classifier.js';
import type { OptionName } from './fit-classifier.js';
import { mlpClassifier } from './mlp-classifier.js';
import { positiveClassNotice } from './positive-class-notice.js';
import { StreamTarget } from './stream-target.js';
import { chooseThreshold, thresholdSetting, type ChosenThreshold } from './threshold-choice.js';
import { MONITOR } from './train-network.js';
import { trainingPipeline } from './training-pipeline.js';
import type { TrainingRun } from './training-run.js';

export interface StreamClassifierOptions extends TrainClassifierOptions {
  /** The label column (default "label", else the last column). */
  readonly target?: string;
  readonly positive?: string;
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  readonly missingValues?: readonly string[];
  readonly decimal?: Decimal;
  /** Rows shuffled together while training (default 100,000). */
  readonly shuffleBuffer?: number;
  /** How messages and the saved pipeline name the data. */
  readonly file?: string;
  readonly delimiter?: string;
}

type Part = 'train' | 'validation' | 'test';

/**
 * How the passes after the first may read the data: every feature column's kind, with the
 * missing-value tokens and decimal separator the preprocessing was fitted with.
 */
export interface StreamReading {
  readonly columnTypes: Readonly<Record<string, ColumnType>>;
  readonly missingValues: readonly string[];
  readonly decimal: Decimal;
  /** What the pass is for: an epoch (training and validation batches), or the last, scoring the held-out batches. */
  readonly pass: 'train' | 'score';
}

/**
 * Opens a pass over the data: batches of raw text columns, or, when `reading` is given (every
 * pass after the first), optionally tables read with those kinds, the target column as text
 * categories (e.g. readCsvTables' batches), which skips parsing text.
 */
export type StreamOpener = (reading?: StreamReading) => AsyncIterable<RawColumns | Table>;

/**
 * trainClassifier for a file larger than memory, read as batches of raw text columns (`open`
 * starts a new pass, e.g. () => readCsvBatches(path)). Batches, not rows, are split: of every
 * batch index, testSplit's share goes to testing and validationSplit's share of the rest to
 * validation, the same batches every pass. One pass fits the preprocessing on the training
 * batches (TableScan) and counts the labels; fitDataset trains through a seeded shuffle buffer
 * with early stopping on val_loss; a last pass scores the validation batches (threshold) and
 * the test batches (results). Memory: the shuffle buffer, one batch, and the held-out rows'
 * probabilities and labels (8 bytes a row for two classes), never the file's rows.
 * Not available here: ensembles ('auto' trains one network), refit, calibration.
 */
export async function trainClassifierStream(
  open: StreamOpener, options: StreamClassifierOptions = {}, option: OptionName = (name) => name, hint: HintWriter = libraryHint,
): Promise<Classifier> {
  const { target: _target, positive: _positive, columnTypes: _types, missingValues: _missing, decimal: _decimal, shuffleBuffer: _buffer, file: _file, delimiter: _delimiter, ...common } = options;
  // NOTE: ensemble 'auto' and 1 train one network here, as on any table too large for memory.
  const { ensemble, ...settings } = classifierSettings(common);
  for (const name of ['ensemble', 'refit', 'calibrate'] as const) {
    const one = name === 'ensemble' && (ensemble === 'auto' || ensemble === 1);
    if (options[name] !== undefined && options[name] !== false && !one) {
      throw new ConfigError('config/stream-option', `${option(name)} needs the rows in memory and cannot be combined with streaming; leave it out.`);
    }
  }
  const file = options.file ?? 'the data';
  const partOf = chunkParts(settings.testSplit, settings.validationSplit);
  let header: readonly string[] | undefined;
  let target: StreamTarget | undefined;
  let scan: TableScan | undefined;
  const partRows = { train: 0, validation: 0, test: 0 };
  let chunks = 0;
  for await (const batch of open()) {
    if (!('names' in batch)) {
      throw new ConfigError('config/batch-source', `The first pass over ${file} must yield raw text columns ({ names, columns, rows }), from which the column kinds are inferred; typed tables are for later passes.`);
    }
    if (target === undefined) {
      header = batch.names;
      const name = options.target ?? (batch.names.includes('label') ? 'label' : batch.names[batch.names.length - 1]);
      if (!batch.names.includes(name)) {
        throw new ConfigError('config/target', `${file} has no column ${JSON.stringify(name)}; its columns are ${batch.names.join(', ')}. Name the label column with the target option.`);
      }
      target = new StreamTarget(name, options.missingValues);
      scan = new TableScan({ exclude: [name], columnTypes: options.columnTypes, missingValues: options.missingValues, decimal: options.decimal });
    }
    target.add(batch);
    const part = partOf(chunks++);
    partRows[part] += batch.rows;
    if (part === 'train') scan!.add(batch);
  }
  if (target === undefined || scan === undefined) throw new ConfigError('config/no-rows', `${file} has no rows to train on; give a file with a header and rows.`);
  const fewest = fewestChunks(partOf, settings.testSplit > 0);
  if (chunks < fewest) {
    throw new ConfigError(
      'config/too-few-chunks',
      `${file} was read as ${chunks} chunk${chunks === 1 ? '' : 's'} of rows, but streaming holds out whole chunks for validation` +
        `${settings.testSplit > 0 ? ' and testing' : ''} and needs at least ${fewest}; read it in smaller chunks (fewer rows per chunk), or train on it in memory.`,
    );
  }
  const { target: column, classOf } = target.finish(options.positive, file);
  const preprocessor = scan.preprocessor({ maxCategories: settings.maxCategories, minFrequency: settings.minFrequency });
  const labelled = (batch: RawColumns | Table): { xs: Tensor; ys: Int32Array; y: Int32Array } => {
    if ('names' in batch) {
      const cells = batch.columns[batch.names.indexOf(column.name)];
      const y = Int32Array.from(cells, classOf);
      return { xs: preprocessor.transformRaw(batch, { extraColumns: 'ignore' }).x, ys: y, y };
    }
    const labels = batch.columns.find((each) => each.name === column.name);
    if (labels?.kind !== 'categorical') {
      throw new ConfigError('config/batch-source', `A typed batch of ${file} should hold the target ${JSON.stringify(column.name)} as text categories, but ${labels === undefined ? 'it has no such column' : `it is ${labels.kind}`}.`);
    }
    const classes = labels.categories.map(classOf);
    const y = Int32Array.from(labels.codes, (code) => (code < 0 ? -1 : classes[code]));
    return { xs: preprocessor.transform(batch, { extraColumns: 'ignore' }).x, ys: y, y };
  };
  const { missingValues = DEFAULT_MISSING_VALUES, decimal = '.' } = preprocessor.config;
  const reading = { columnTypes: preprocessor.columnTypes(), missingValues, decimal };
  async function* part(...wanted: Part[]): AsyncGenerator<{ xs: Tensor; ys: Int32Array; y: Int32Array; part: Part }> {
    let index = 0;
    for await (const batch of open({ ...reading, pass: wanted.includes('train') ? 'train' : 'score' })) {
      const which = partOf(index++);
      if (wanted.includes(which)) yield { ...labelled(batch), part: which };
    }
  }

  const classes = column.classes.length;
  setSeed(settings.seed);
  const { model, loss } = mlpClassifier({ features: preprocessor.numFeatures, classes, hidden: settings.hidden, dropout: settings.dropout });
  model.featureNames = preprocessor.featureNames;
  const learningRate = settings.learningRate === undefined ? {} : { learningRate: settings.learningRate };
  model.compile({ optimizer: { className: settings.optimizer, config: learningRate }, loss, metrics: ['accuracy'], silence: ['accuracy-paradox'] });
  const earlyStopping = new EarlyStopping({ monitor: MONITOR, patience: settings.patience, restoreBestWeights: true });
  const planned = options.onPlan?.({
    table: { header: header!, rows: target.rows, features: { rows: 0, columns: [] }, target: column, file },
    rows: partRows, features: preprocessor.numFeatures, epochs: settings.epochs, steps: Math.ceil(partRows.train / settings.batchSize), settings,
  });
  const trainRows = column.counts.map(() => 0);
  const balanced = settings.classWeight === 'balanced';
  const history = await model.fitDataset(() => part('train', 'validation'), {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    shuffleBuffer: options.shuffleBuffer,
    // NOTE: part() yields the training and validation batches in order; of those, this share is
    // the validation ones (chunkParts gives the same rule).
    validationSplit: settings.validationSplit,
    ...(balanced ? { classWeight: await balancedWeights(part('train'), trainRows) } : {}),
    callbacks: [earlyStopping, ...(options.callbacks ?? []), ...(planned ?? [])],
    verbose: options.verbose ?? 0,
  });

  // NOTE: per batch, then joined once: 8 bytes a held-out row (two classes), not a JS number each.
  const held: Record<'validation' | 'test', { probabilities: Float32Array[]; labels: Int32Array[] }> = {
    validation: { probabilities: [], labels: [] }, test: { probabilities: [], labels: [] },
  };
  const columns = classes === 2 ? 1 : classes;
  for await (const batch of part('validation', 'test')) {
    const scored = held[batch.part as 'validation' | 'test'];
    scored.probabilities.push(Float32Array.from(model.predictProbabilities(batch.xs, { verbose: 0 }).data));
    scored.labels.push(batch.y);
  }
  const joined = (part: 'validation' | 'test') => ({ probabilities: concatArrays(held[part].probabilities, Float32Array), labels: concatArrays(held[part].labels, Int32Array) });
  const validation = joined('validation');
  // NOTE: without test chunks (testSplit 0), the results are on the validation chunks, as trainClassifier's are.
  const resultsOn = settings.testSplit > 0 ? 'test' : 'validation';
  const test = resultsOn === 'test' ? joined('test') : validation;
  let threshold: ChosenThreshold | undefined;
  if (classes === 2) {
    const setting = settings.threshold ?? thresholdSetting(CLASSIFIER_DEFAULTS.threshold);
    threshold = chooseThreshold(setting, validation.labels, validation.probabilities, option('threshold'), 'the validation batches');
    model.threshold = threshold.value;
  }
  const results = resultsOfProbabilities(new Tensor(test.probabilities, [test.labels.length, columns]), test.labels, undefined, {
    classNames: column.classes, seed: settings.seed, threshold: model.threshold,
  });
  const stoppedEpoch = earlyStopping.stoppedEpoch > 0 ? earlyStopping.stoppedEpoch : undefined;
  const warnings = classifierWarnings({
    positiveClass: positiveClassNotice(column, hint),
    data: [],
    diagnostics: history.diagnostics,
    metrics: threshold?.warnings ?? [],
    ranAllEpochs: stoppedEpoch === undefined && history.epoch.length === settings.epochs ? history.epoch.length : undefined,
    results,
    epochsOption: option('epochs'),
  });
  // NOTE: a streamed run keeps no row indices (they would grow with the file): the split is
  // empty here, and the saved pipeline's split holds the row counts of each part.
  const none = new Int32Array(0);
  const run: TrainingRun = {
    split: { train: none, validation: none, test: none }, history, bestEpoch: earlyStopping.bestEpoch, stoppedEpoch,
    loss, threshold, test: results, warnings, resultsOn,
  };
  const table = { header: header!, rows: target.rows, features: { rows: 0, columns: [] }, target: column, file, delimiter: options.delimiter };
  const pipeline = trainingPipeline({ table, settings, preprocessor, run, monitor: MONITOR });
  const featureColumns = preprocessor.config.columns.map((c) => c.name);
  const saved = {
    ...pipeline,
    data: { ...pipeline.data, featureColumns },
    split: { ...pipeline.split, ...partRows },
    ...(pipeline.threshold?.rows === undefined ? {} : { threshold: { ...pipeline.threshold, rows: partRows.validation } }),
  };
  return new Classifier({ model, preprocessor, pipeline: saved, trainingRun: run });
}

/** Which part batch i belongs to: testSplit's share of the batches, then validationSplit's of the rest. */
export function chunkParts(testSplit: number, validationSplit: number): (chunk: number) => Part {
  const takes = (share: number, i: number) => share > 0 && Math.floor((i + 1) * share) > Math.floor(i * share);
  const parts: Part[] = [];
  let kept = 0;
  return (chunk) => {
    for (let i = parts.length; i <= chunk; i++) parts.push(takes(testSplit, i) ? 'test' : takes(validationSplit, kept++) ? 'validation' : 'train');
    return parts[chunk];
  };
}

/** The fewest chunks that give training, validation and (when wanted) test chunks. */
function fewestChunks(partOf: (chunk: number) => Part, testing: boolean): number {
  const seen = new Set<Part>();
  for (let chunk = 0; chunk < 10_000; chunk++) {
    seen.add(partOf(chunk));
    if (seen.has('train') && seen.has('validation') && (!testing || seen.has('test'))) return chunk + 1;
  }
  return 10_000;
}

async function balancedWeights(batches: AsyncIterable<{ y: Int32Array }>, counts: number[]): Promise<Record<number, number>> {
  for await (const batch of batches) for (const label of batch.y) counts[label]++;
  const total = counts.reduce((a, b) => a + b, 0);
  return Object.fromEntries(counts.map((count, c) => [c, count > 0 ? total / (counts.length * count) : 1]));
}
