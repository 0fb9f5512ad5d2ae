import type { Callback } from '../callbacks/callback.js';
import { EarlyStopping } from '../callbacks/early-stopping.js';
import { balancedClassWeight } from '../classifier/balanced-class-weight.js';
import { mlpClassifier } from '../classifier/mlp-classifier.js';
import { Preprocessor, type TransformWarning } from '../data/preprocessor.js';
import { splitIndices } from '../data/split-indices.js';
import { ConfigError, DataError } from '../errors.js';
import { listNames } from '../data/table.js';
import { readCsv, type CsvData } from '../io/read-csv.js';
import type { MetricWarning } from '../metrics/index.js';
import type { History } from '../model/history.js';
import type { Model } from '../model/model.js';
import { setSeed } from '../random/random.js';
import type { Tensor } from '../tensor/tensor.js';
import { evaluateClassifier, type ClassifierResults } from './classifier-evaluation.js';
import { chooseThreshold, parseThresholdSetting, type ChosenThreshold } from './threshold-choice.js';
import { DEFAULTS, type TrainSettings } from './train-options.js';

/** The quantity early stopping watches (and restores the best weights of). */
export const MONITOR = 'val_loss';

export interface TrainedClassifier {
  readonly settings: TrainSettings;
  readonly data: CsvData;
  readonly classNames: readonly string[];
  readonly split: { readonly train: Int32Array; readonly validation: Int32Array; readonly test: Int32Array };
  readonly preprocessor: Preprocessor;
  readonly model: Model;
  readonly loss: string;
  readonly history: History;
  /** 0-based epoch whose weights were restored, and the epoch early stopping ended at (if it did). */
  readonly bestEpoch: number;
  readonly stoppedEpoch?: number;
  /** Binary targets: the decision threshold chosen on the validation rows. */
  readonly threshold?: ChosenThreshold;
  /** Results on the test rows, never seen by fitting, early stopping or threshold tuning. */
  readonly test: ClassifierResults;
  /** Preprocessing notes: fit warnings and unseen categories in the validation / test rows. */
  readonly dataWarnings: readonly string[];
  readonly metricWarnings: readonly MetricWarning[];
}

/** What training is about to do, for progress reporting. */
export interface TrainingPlan {
  readonly data: CsvData;
  readonly rows: { readonly train: number; readonly validation: number; readonly test: number };
  readonly features: number;
  readonly epochs: number;
  /** Batches per epoch. */
  readonly steps: number;
}

/**
 * `nnkit train` as a library workflow: read the CSV; split it stratified and seeded into train /
 * validation / test rows; fit the Preprocessor on the training rows only; train the MLP with early
 * stopping on the validation rows (best weights restored); tune the threshold on the validation
 * rows (two classes); evaluate once on the test rows. `progress` is told the plan once the data is
 * read and returns callbacks for fit (a progress bar).
 */
export async function trainClassifier(
  settings: TrainSettings,
  progress: (plan: TrainingPlan) => readonly Callback[] = () => [],
): Promise<TrainedClassifier> {
  const data = await readCsv(settings.file, { target: settings.target, positive: settings.positive, delimiter: settings.delimiter });
  const target = data.target!;
  const classNames = target.classes;
  if (classNames.length > 2 && settings.threshold !== undefined) {
    throw new ConfigError(
      'config/threshold-binary',
      `--threshold applies to two-class targets, but ${JSON.stringify(target.name)} has ${classNames.length} classes ` +
        `(${listNames(classNames)}), which are predicted by the most probable class; leave --threshold out.`,
    );
  }
  const test = settings.testSplit;
  const validation = settings.validationSplit;
  const [trainRows, validationRows, testRows] = splitIndices(target.labels, {
    // NOTE: rounded so that an error about the split shows 0.6, not 0.6000000000000001.
    fractions: [(1 - test) * (1 - validation), (1 - test) * validation, test].map((share) => Number(share.toFixed(12))),
    seed: settings.seed,
    stratify: true,
  });
  requireEveryClass(data, trainRows, 'training', '--test-split or --validation-split smaller');
  requireEveryClass(data, validationRows, 'validation', '--validation-split larger');
  const preprocessor = Preprocessor.fit(data.features, { rows: trainRows });
  const dataWarnings = [...preprocessor.fitWarnings];
  const part = (rows: Int32Array, name: string) => {
    const transformed = preprocessor.transform(data.features, { rows });
    dataWarnings.push(...transformed.warnings.map((warning: TransformWarning) => `${name} rows: ${warning.message}`));
    return { x: transformed.x, y: Int32Array.from(rows, (row) => target.labels[row]) };
  };
  const trainPart = part(trainRows, 'Training');
  const validationPart = part(validationRows, 'Validation');
  const testPart = part(testRows, 'Test');

  // NOTE: one seed drives the split (above) and, through the global generator, the initial
  // weights, the dropout masks and the batch shuffling, so a run is reproducible.
  setSeed(settings.seed);
  const { model, loss } = mlpClassifier({
    features: preprocessor.numFeatures,
    classes: classNames.length,
    hidden: settings.hidden,
    dropout: settings.dropout,
  });
  const learningRate = settings.learningRate === undefined ? {} : { learningRate: settings.learningRate };
  model.compile({ optimizer: { className: settings.optimizer, config: learningRate }, loss, metrics: ['accuracy'] });
  const callbacks = progress({
    data,
    rows: { train: trainRows.length, validation: validationRows.length, test: testRows.length },
    features: preprocessor.numFeatures,
    epochs: settings.epochs,
    steps: Math.ceil(trainRows.length / settings.batchSize),
  });
  const earlyStopping = new EarlyStopping({ monitor: MONITOR, patience: settings.patience, restoreBestWeights: true });
  const history = await model.fit(trainPart.x, trainPart.y, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    validationData: [validationPart.x, validationPart.y],
    classWeight: settings.classWeight === 'balanced' ? balancedClassWeight(trainPart.y) : undefined,
    callbacks: [earlyStopping, ...callbacks],
    verbose: 0,
  });

  let threshold: ChosenThreshold | undefined;
  const metricWarnings: MetricWarning[] = [];
  if (classNames.length === 2) {
    threshold = chooseThreshold(settings.threshold ?? parseThresholdSetting('train', DEFAULTS.threshold), validationPart.y, probabilitiesOf(model, validationPart.x));
    model.threshold = threshold.value;
    metricWarnings.push(...threshold.warnings);
  }
  return {
    settings,
    data,
    classNames,
    split: { train: trainRows, validation: validationRows, test: testRows },
    preprocessor,
    model,
    loss,
    history,
    bestEpoch: earlyStopping.bestEpoch,
    stoppedEpoch: earlyStopping.stoppedEpoch > 0 ? earlyStopping.stoppedEpoch : undefined,
    threshold,
    test: evaluateClassifier(model, testPart.x, testPart.y, { classNames, seed: settings.seed }),
    dataWarnings,
    metricWarnings,
  };
}

/**
 * Early stopping and threshold tuning need every class among the validation rows, and learning
 * needs every class among the training rows; a tiny class in a small file can miss a part.
 */
function requireEveryClass(data: CsvData, rows: Int32Array, part: string, fix: string): void {
  const target = data.target!;
  const seen = new Set(Array.from(rows, (row) => target.labels[row]));
  const absent = target.classes.filter((_, k) => !seen.has(k));
  if (absent.length > 0) {
    throw new DataError(
      'data/split-missing-class',
      `${data.file}: the ${rows.length} ${part} row${rows.length === 1 ? '' : 's'} of the stratified split hold${rows.length === 1 ? 's' : ''} no row of class ` +
        `${listNames(absent)} ` +
        `(${target.classes.map((name, k) => `${JSON.stringify(name)} ${target.counts[k]}`).join(', ')} rows in the file); ` +
        `use more rows of that class, or make ${fix}.`,
      { file: data.file, column: target.name },
    );
  }
}

/** Positive-class probability per row of a one-unit model: x (rows, features) → (rows). */
function probabilitiesOf(model: Model, x: Tensor): Float32Array {
  return model.predictProbabilities(x, { verbose: 0 }).data;
}
