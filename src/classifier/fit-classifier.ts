import { transformDataWarning, type DataWarning } from '../data/data-warning.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { Preprocessor } from '../data/preprocessor.js';
import { listNames } from '../data/table.js';
import { ConfigError } from '../errors.js';
import type { MetricWarning } from '../metrics/index.js';
import { Tensor } from '../tensor/tensor.js';
import { applyCalibration, calibrationMethod } from './calibration.js';
import { calibrationOn, calibrationRun, calibrationWarnings } from './calibration-run.js';
import { Classifier } from './classifier.js';
import { CLASSIFIER_DEFAULTS, classifierSettings, type TrainClassifierOptions } from './classifier-options.js';
import { classifierWarnings } from './classifier-warnings.js';
import { evaluateClassifier, resultsOfProbabilities } from './evaluate-classifier.js';
import { positiveClassNotice } from './positive-class-notice.js';
import type { ResultsOn } from './results-on.js';
import { splitRowCounts } from './split-row-counts.js';
import { splitRows, type RowSplit } from './split-rows.js';
import { sizedRun } from './table-size-settings.js';
import { tableInputColumns } from './table-input-columns.js';
import { chooseThreshold, thresholdSetting, type ChosenThreshold } from './threshold-choice.js';
import { trainHeldOut } from './train-held-out.js';
import { MONITOR } from './train-network.js';
import { trainingPipeline } from './training-pipeline.js';
import type { TrainingTable } from './training-plan.js';

export { MONITOR };

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
  const checked = classifierSettings(options);
  const target = table.target;
  if (target === undefined) {
    throw new ConfigError(
      'config/no-target',
      'trainClassifier needs a labelled table, but this one has no target column; read it with its target, e.g. parseCsv(text, { target: "label" }).',
    );
  }
  const classNames = target.classes;
  if (classNames.length > 2 && checked.threshold !== undefined) {
    throw new ConfigError(
      'config/threshold-binary',
      `${option('threshold')} applies to two-class targets, but ${JSON.stringify(target.name)} has ${classNames.length} classes ` +
        `(${listNames(classNames)}), which are predicted by the most probable class; leave ${option('threshold')} out.`,
    );
  }
  // NOTE: cross-validation passes each fold's rows in; trainClassifier splits them itself. An
  // ensemble's members hold out folds of the training rows, so it has no validation rows.
  const splitFor = (ensemble: number | undefined) => rows ?? splitRows(target, { ...checked, ensemble }, table.file, option);
  const { settings, split: given } = sizedRun(checked, options, target.labels, classNames.length, splitFor);
  const split = settings.ensemble === undefined || given.validation.length === 0
    ? given
    : { train: Int32Array.from([...given.train, ...given.validation]).sort(), validation: new Int32Array(0), test: given.test };
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

  const planned = options.onPlan?.({
    table,
    rows: { train: split.train.length, validation: split.validation.length, test: split.test.length },
    features: preprocessor.numFeatures,
    epochs: settings.epochs,
    steps: Math.ceil(split.train.length / settings.batchSize),
    settings,
  });
  // NOTE: the doctor's column checks (target leakage, identifiers) then read the CSV's columns.
  const rareClassAdvice = settings.classWeight === 'balanced'
    ? `The classes are weighted already (${option('classWeight')} is "balanced"), so the features may carry no signal for the rare class.`
    : `Set ${option('classWeight')} to "balanced" so the rare class counts as much as the common one.`;
  const calibrate = calibrationMethod(settings.calibrate, option('calibrate'), classNames.length);
  const network = {
    settings,
    features: preprocessor.numFeatures,
    featureNames: preprocessor.featureNames,
    classes: classNames.length,
    inputColumns: tableInputColumns(table.features, split.train, classNames, hint, rareClassAdvice),
    callbacks: [...(options.callbacks ?? []), ...(planned ?? [])],
    verbose: options.verbose ?? 0,
  };
  // NOTE: one seed drives the split (above) and, through the global generator, the initial
  // weights, the dropout masks and the batch shuffling, so a run is reproducible.
  const trained = await trainHeldOut(network, { trainPart, validationPart, seed: settings.seed, ensemble: settings.ensemble, refit: settings.refit });
  const { model, loss } = trained;
  const held = trained.held;
  const columns = classNames.length === 2 ? 1 : classNames.length;
  const calibrated = calibrate === undefined ? undefined : calibrationOn(calibrate, held.probabilities, held.labels, columns, held.on);
  const heldProbabilities = calibrated === undefined ? held.probabilities : applyCalibration(calibrated.map, held.probabilities, columns);

  let threshold: ChosenThreshold | undefined;
  const metricWarnings: MetricWarning[] = [];
  if (classNames.length === 2) {
    const setting = settings.threshold ?? thresholdSetting(CLASSIFIER_DEFAULTS.threshold);
    threshold = chooseThreshold(setting, held.labels, heldProbabilities, option('threshold'), held.description);
    model.threshold = threshold.value;
    metricWarnings.push(...threshold.warnings);
  }
  const resultsOn: ResultsOn = split.test.length > 0 ? 'test' : held.on === 'out-of-fold' ? 'out-of-fold' : 'validation';
  const test = resultsOn === 'test'
    ? evaluateClassifier(model, testPart.x, testPart.y, { classNames, seed: settings.seed, calibration: calibrated?.map })
    : resultsOfProbabilities(new Tensor(heldProbabilities, [held.labels.length, columns]), held.labels, undefined, { classNames, seed: settings.seed, threshold: model.threshold });
  const { history, bestEpoch, stoppedEpoch } = trained;
  const epochsRun = history.epoch.length;
  const warnings = [...classifierWarnings({
    positiveClass: positiveClassNotice(target, hint),
    data: dataWarnings,
    diagnostics: [...splitRowCounts(split, target, { testSplit: option('testSplit'), validationSplit: option('validationSplit') }), ...trained.diagnostics],
    metrics: metricWarnings,
    ranAllEpochs: stoppedEpoch === undefined && epochsRun === settings.epochs && trained.refit === undefined ? epochsRun : undefined,
    results: test,
    epochsOption: option('epochs'),
  }), ...(calibrated === undefined ? [] : calibrationWarnings(calibrated, option('calibrate'), { ...held, columns }))];
  const resultsRaw = resultsOn === 'test' ? model.predictProbabilities(testPart.x, { verbose: 0 }).data : held.probabilities;
  const calibration = calibrated === undefined ? undefined : calibrationRun(calibrated, resultsRaw, resultsOn === 'test' ? testPart.y : held.labels, columns);
  const run = { split, history, bestEpoch, stoppedEpoch, loss, threshold, test, warnings, resultsOn, calibration, ensemble: trained.ensemble, refit: trained.refit };
  const pipeline = trainingPipeline({ table, settings, preprocessor, run, monitor: MONITOR });
  return new Classifier({ model, preprocessor, pipeline, trainingRun: run });
}
