import { argmax } from '../data/argmax.js';
import { Preprocessor, type TransformOptions, type Transformed } from '../data/preprocessor.js';
import type { TransformWarning } from '../data/preprocessor-sources.js';
import type { LabelledTable } from '../data/table-builder.js';
import type { ColumnType } from '../data/table.js';
import { ConfigError } from '../errors.js';
import type { Model } from '../model/model.js';
import { filesToBytes } from '../model/model-files.js';
import { modelFromFiles } from '../model/model-from-files.js';
import { modelStorage } from '../model/model-storage.js';
import { modelToFiles } from '../model/model-to-files.js';
import { Tensor } from '../tensor/tensor.js';
import { applyCalibration, type CalibrationMethod } from './calibration.js';
import { heldOutCalibration } from './calibrate-classifier.js';
import type { ClassifierPipeline } from './classifier-pipeline.js';
import { rowSource, type ClassifierRows } from './classifier-rows.js';
import { evaluateTable, type ClassifierEvaluateOptions, type ClassifierEvaluation } from './evaluate-table.js';
import { pipelineMismatch } from './pipeline-mismatch.js';
import { permutationImportance, type PermutationImportance, type PermutationImportanceOptions } from './permutation-importance.js';
import type { TrainingRun } from './training-run.js';

export interface ClassifierPredictOptions extends TransformOptions {
  /** 0 keeps the model doctor's drift warnings off the console (they are on model.diagnostics). */
  readonly verbose?: 0 | 1;
}

/** Predictions for a batch of rows, with what the preprocessing noticed in them. */
export interface ClassifierPrediction {
  /** Binary: the positive class's probability (rows, 1); otherwise one per class (rows, classes). */
  readonly probabilities: Tensor;
  /** The predicted class index per row (probability > threshold for binary, else the most probable). */
  readonly classIndices: Int32Array;
  /** Unseen categories and unexpected missing values, per column. */
  readonly warnings: readonly TransformWarning[];
}

/**
 * A trained classifier you can ship: the fitted preprocessing, the model and its decision
 * threshold, taking raw rows (objects or columns by name, CSV batches, tables) and giving class
 * names, as scikit-learn's Pipeline does. `trainClassifier` makes one (its `trainingRun` holds the
 * split, history, test results and warnings); `loadClassifier` reads one back from `toBytes()` or
 * from a folder written by `save(path)` or `nnkit train`.
 *
 *   const clf = await nn.trainClassifier(table, { threshold: 'f1' });
 *   clf.predict([{ age: 61, income: '40-60k' }]);   // ['yes']
 */
export class Classifier {
  readonly model: Model;
  readonly preprocessor: Preprocessor;
  /** Everything saved beside the model: classes, preprocessing, threshold choice, training summary. */
  readonly pipeline: ClassifierPipeline;
  /** The run that trained this classifier; undefined for one loaded from a save. */
  readonly trainingRun: TrainingRun | undefined;

  constructor(parts: { model: Model; pipeline: ClassifierPipeline; preprocessor?: Preprocessor; trainingRun?: TrainingRun }) {
    this.model = parts.model;
    this.preprocessor = parts.preprocessor ?? Preprocessor.fromConfig(parts.pipeline.preprocessor);
    this.pipeline = parts.pipeline;
    this.trainingRun = parts.trainingRun;
    const mismatch = pipelineMismatch(this.model, this.preprocessor, this.pipeline);
    if (mismatch !== undefined) throw new ConfigError('config/classifier-parts', `Classifier: ${mismatch}.`);
    // NOTE: the model doctor then names columns (`age=<missing>`) instead of feature 7.
    this.model.featureNames ??= this.preprocessor.featureNames;
  }

  get task(): 'binary' | 'multiclass' {
    return this.pipeline.task;
  }

  /** Class names in class-index order; binary: [negative, positive]. */
  get classNames(): readonly string[] {
    return this.pipeline.classNames;
  }

  /** The target column the classifier predicts. */
  get target(): string {
    return this.pipeline.target;
  }

  /** Binary: predicted positive when the probability is above it (the model's threshold). */
  get threshold(): number {
    return this.model.threshold;
  }

  /** The input columns' kinds and the ignored columns: pass as parseCsv's columnTypes to read new data alike. */
  columnTypes(): Record<string, ColumnType> {
    return this.preprocessor.columnTypes();
  }

  /** The feature matrix the model sees for these rows, as the saved preprocessing makes it. */
  transform(rows: ClassifierRows, options: TransformOptions = {}): Transformed {
    const source = rowSource(rows, this.target);
    return source.kind === 'raw' ? this.preprocessor.transformRaw(source.raw, options) : this.preprocessor.transform(source.table, options);
  }

  /** Probabilities and class indices for a batch of rows, e.g. each batch of readCsvBatches. */
  predictBatch(rows: ClassifierRows, options: ClassifierPredictOptions = {}): ClassifierPrediction {
    const transformed = this.transform(rows, options);
    const probabilities = this.probabilitiesOf(transformed.x, options.verbose);
    // NOTE: Model.predictClasses' rule, applied to the probabilities already computed.
    const threshold = this.model.threshold;
    const classIndices =
      probabilities.cols === 1 ? Int32Array.from(probabilities.data, (p) => (p > threshold ? 1 : 0)) : argmax(probabilities);
    return { probabilities, classIndices, warnings: transformed.warnings };
  }

  /** The model's probabilities for preprocessed rows, calibrated when the pipeline says so. */
  probabilitiesOf(x: Tensor, verbose: 0 | 1 = 0): Tensor {
    const raw = this.model.predictProbabilities(x, { verbose });
    const calibration = this.pipeline.calibration;
    return calibration === undefined ? raw : new Tensor(applyCalibration(calibration.map, raw.data, raw.cols), raw.shape);
  }

  /**
   * A copy whose probabilities are calibrated by `method` ('temperature', 'sigmoid' or 'isotonic'
   * for two classes), fitted on the labelled rows of `table`, which the model must not have
   * trained on (a held-out file). The threshold is carried through the map, so the decisions stay
   * those of this classifier; only the probabilities change. Refused for a classifier calibrated
   * already (train it with the calibrate option instead).
   *
   *   const calibrated = classifier.calibrate(heldOut, 'sigmoid');
   */
  calibrate(table: LabelledTable, method: CalibrationMethod): Classifier {
    const { calibration, threshold } = heldOutCalibration(this, table, method);
    // NOTE: a copy of the model, so this classifier keeps its threshold.
    const model = modelFromFiles(modelToFiles(this.model), 'the classifier').model;
    if (threshold !== undefined) model.threshold = threshold;
    const rule = this.pipeline.threshold === undefined ? undefined : { ...this.pipeline.threshold, value: model.threshold, rule: `${this.pipeline.threshold.rule}, carried through the calibration` };
    return new Classifier({ model, preprocessor: this.preprocessor, pipeline: { ...this.pipeline, calibration, ...(rule === undefined ? {} : { threshold: rule }) } });
  }

  /** The predicted class name per row. */
  predict(rows: ClassifierRows, options: ClassifierPredictOptions = {}): string[] {
    return Array.from(this.predictBatch(rows, options).classIndices, (k) => this.classNames[k]);
  }

  /** Binary: the positive class's probability (rows, 1); otherwise one per class (rows, classes). */
  predictProbabilities(rows: ClassifierRows, options: ClassifierPredictOptions = {}): Tensor {
    return this.predictBatch(rows, options).probabilities;
  }

  /**
   * Results on a labelled table, as `nnkit evaluate` prints them: loss, accuracy beside the
   * majority baseline, precision, recall, F1, ROC-AUC with bootstrap intervals, the confusion
   * matrix. Read the table with `columnTypes: clf.columnTypes()` when a column could be read as
   * another kind than in training (digits in a categorical column).
   */
  evaluate(table: LabelledTable, options: ClassifierEvaluateOptions = {}): ClassifierEvaluation {
    const parts = { model: this.model, preprocessor: this.preprocessor, classNames: this.classNames, seed: this.pipeline.split.seed, calibration: this.pipeline.calibration?.map };
    return evaluateTable(parts, table, options);
  }

  /**
   * Which raw columns matter: each column's values shuffled among the labelled rows (`repeats`
   * times, seeded) and the mean ± sd drop in ROC-AUC (two classes) or accuracy, largest first.
   */
  permutationImportance(table: LabelledTable, options: PermutationImportanceOptions = {}): PermutationImportance {
    const scorer = { predictProbabilities: (x: Tensor) => this.probabilitiesOf(x) };
    const parts = { model: scorer, preprocessor: this.preprocessor, classNames: this.classNames, threshold: this.threshold };
    return permutationImportance(parts, table, options);
  }

  /** The classifier as one self-describing blob (a zip of the saved files); loadClassifier(bytes) reads it. */
  toBytes(): Uint8Array {
    return filesToBytes(this.files());
  }

  /**
   * Saves to a path (in Node, the folder `nnkit predict --model` reads), replacing it atomically.
   * A `signal` aborted before the switch rolls the save back, leaving what was there.
   */
  async save(path: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    await modelStorage('classifier.save').save(path, this.files(), { signal: options.signal });
  }

  private files() {
    return modelToFiles(this.model, { pipeline: { ...this.pipeline } });
  }
}
