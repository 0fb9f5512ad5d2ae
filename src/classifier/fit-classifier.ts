import { EarlyStopping } from '../callbacks/early-stopping.js';
import { transformDataWarning, type DataWarning } from '../data/data-warning.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { Preprocessor } from '../data/preprocessor.js';
import { listNames } from '../data/table.js';
import { ConfigError } from '../errors.js';
import type { MetricWarning } from '../metrics/index.js';
import type { Model } from '../model/model.js';
import { setSeed } from '../random/random.js';
import { balancedClassWeight } from './balanced-class-weight.js';
import { Classifier } from './classifier.js';
import { CLASSIFIER_DEFAULTS, classifierSettings, type TrainClassifierOptions } from './classifier-options.js';
import { classifierWarnings } from './classifier-warnings.js';
import { evaluateClassifier } from './evaluate-classifier.js';
import { mlpClassifier } from './mlp-classifier.js';
import { positiveClassNotice } from './positive-class-notice.js';
import { splitRowCounts } from './split-row-counts.js';
import { splitRows, type RowSplit } from './split-rows.js';
import { tableInputColumns } from './table-input-columns.js';
import { chooseThreshold, thresholdSetting, type ChosenThreshold } from './threshold-choice.js';
import { trainingPipeline } from './training-pipeline.js';
import type { TrainingTable } from './training-plan.js';

/** The quantity early stopping watches (and restores the best weights of). */
export const MONITOR = 'val_loss';

/** How messages name an option: 'validationSplit' for the library, '--validation-split' for the CLI. */
export type OptionName = (option: keyof TrainClassifierOptions) => string;

/**
 * trainClassifier's workflow, with the options named in messages as `option` says (and the
 * reading and preprocessing settings as `hint` writes them). Split the
 * table stratified and seeded into train / validation / test rows; fit the Preprocessor on the
 * training rows only; train the MLP with early stopping on val_loss (best weights restored); tune
 * the threshold on the validation rows (two classes); evaluate once on the test rows. `rows`,
 * when given, is the split to use (row indices into the table).
 */
export async function fitClassifier(
  table: TrainingTable,
  options: TrainClassifierOptions,
  option: OptionName,
  hint: HintWriter = libraryHint,
  rows?: RowSplit,
): Promise<Classifier> {
  const settings = classifierSettings(options);
  const target = table.target;
  if (target === undefined) {
    throw new ConfigError(
      'config/no-target',
      'trainClassifier needs a labelled table, but this one has no target column; read it with its target, e.g. parseCsv(text, { target: "label" }).',
    );
  }
  const classNames = target.classes;
  if (classNames.length > 2 && settings.threshold !== undefined) {
    throw new ConfigError(
      'config/threshold-binary',
      `${option('threshold')} applies to two-class targets, but ${JSON.stringify(target.name)} has ${classNames.length} classes ` +
        `(${listNames(classNames)}), which are predicted by the most probable class; leave ${option('threshold')} out.`,
    );
  }
  // NOTE: cross-validation passes each fold's rows in; trainClassifier splits them itself.
  const split = rows ?? splitRows(target, settings, table.file, option);
  const { maxCategories, minFrequency } = settings;
  const preprocessor = Preprocessor.fit(table.features, { rows: split.train, maxCategories, minFrequency }, hint);
  const dataWarnings: DataWarning[] = [...(table.warnings ?? []), ...preprocessor.fitWarnings];
  const part = (rows: Int32Array, name: string) => {
    const transformed = preprocessor.transform(table.features, { rows });
    // NOTE: training values without a column are the rare categories, which fitWarnings lists.
    const noted = transformed.warnings.filter((warning) => name !== 'Training' || warning.kind !== 'unseen-category');
    dataWarnings.push(...noted.map((warning) => transformDataWarning(warning, name)));
    return { x: transformed.x, y: Int32Array.from(rows, (row) => target.labels[row]) };
  };
  const trainPart = part(split.train, 'Training');
  const validationPart = part(split.validation, 'Validation');
  const testPart = part(split.test, 'Test');

  // NOTE: one seed drives the split (above) and, through the global generator, the initial
  // weights, the dropout masks and the batch shuffling, so a run is reproducible.
  setSeed(settings.seed);
  const { model, loss } = mlpClassifier({ features: preprocessor.numFeatures, classes: classNames.length, hidden: settings.hidden, dropout: settings.dropout });
  model.featureNames = preprocessor.featureNames;
  const learningRate = settings.learningRate === undefined ? {} : { learningRate: settings.learningRate };
  // NOTE: the pipeline reports precision, recall, ROC-AUC and the majority baseline on every run,
  // so the doctor's accuracy-paradox advice (compile more metrics) does not apply to it.
  model.compile({ optimizer: { className: settings.optimizer, config: learningRate }, loss, metrics: ['accuracy'], silence: ['accuracy-paradox'] });
  const planned = options.onPlan?.({
    table,
    rows: { train: split.train.length, validation: split.validation.length, test: split.test.length },
    features: preprocessor.numFeatures,
    epochs: settings.epochs,
    steps: Math.ceil(split.train.length / settings.batchSize),
  });
  const earlyStopping = new EarlyStopping({ monitor: MONITOR, patience: settings.patience, restoreBestWeights: true });
  // NOTE: the doctor's column checks (target leakage, identifiers) then read the CSV's columns.
  const rareClassAdvice = settings.classWeight === 'balanced'
    ? `The classes are weighted already (${option('classWeight')} is "balanced"), so the features may carry no signal for the rare class.`
    : `Set ${option('classWeight')} to "balanced" so the rare class counts as much as the common one.`;
  model.doctor.inputColumns = tableInputColumns(table.features, split.train, classNames, hint, rareClassAdvice);
  const history = await model.fit(trainPart.x, trainPart.y, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    validationData: [validationPart.x, validationPart.y],
    classWeight: settings.classWeight === 'balanced' ? balancedClassWeight(trainPart.y) : undefined,
    callbacks: [earlyStopping, ...(options.callbacks ?? []), ...(planned ?? [])],
    verbose: options.verbose ?? 0,
  });

  let threshold: ChosenThreshold | undefined;
  const metricWarnings: MetricWarning[] = [];
  if (classNames.length === 2) {
    const setting = settings.threshold ?? thresholdSetting(CLASSIFIER_DEFAULTS.threshold);
    threshold = chooseThreshold(setting, validationPart.y, probabilitiesOf(model, validationPart.x), option('threshold'));
    model.threshold = threshold.value;
    metricWarnings.push(...threshold.warnings);
  }
  const test = evaluateClassifier(model, testPart.x, testPart.y, { classNames, seed: settings.seed });
  const bestEpoch = earlyStopping.bestEpoch;
  const stoppedEpoch = earlyStopping.stoppedEpoch > 0 ? earlyStopping.stoppedEpoch : undefined;
  const epochsRun = history.epoch.length;
  const warnings = classifierWarnings({
    positiveClass: positiveClassNotice(target, hint),
    data: dataWarnings,
    diagnostics: [...splitRowCounts(split, target, { testSplit: option('testSplit'), validationSplit: option('validationSplit') }), ...model.diagnostics],
    metrics: metricWarnings,
    ranAllEpochs: stoppedEpoch === undefined && epochsRun === settings.epochs ? epochsRun : undefined,
    results: test,
    epochsOption: option('epochs'),
  });
  const run = { split, history, bestEpoch, stoppedEpoch, loss, threshold, test, warnings };
  const pipeline = trainingPipeline({ table, settings, preprocessor, run, monitor: MONITOR });
  return new Classifier({ model, preprocessor, pipeline, trainingRun: run });
}

/** Positive-class probability per row of a one-unit model: x (rows, features) → (rows). */
function probabilitiesOf(model: Model, x: Parameters<Model['predictProbabilities']>[0]): Float32Array {
  return model.predictProbabilities(x, { verbose: 0 }).data;
}
