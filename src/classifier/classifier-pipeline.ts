import type { PreprocessorConfig } from '../data/preprocessor-config.js';
import type { PipelineCalibration } from './calibration.js';
import type { ResultsOn } from './results-on.js';

/**
 * What a classifier saves around its model (the `pipeline` section of model.json): the fitted
 * preprocessing, so the saved classifier takes raw rows; the target, the classes and how the
 * positive one was chosen; how the decision threshold (model.threshold) was chosen; and how the
 * model was trained and tested. Read back by `readPipeline`, which checks every field.
 */
export interface ClassifierPipeline {
  readonly format: 'nnkit.classifier';
  /** 2: this section; version 1 lived in model.metadata (see legacy-pipeline.ts). */
  readonly version: 2;
  readonly task: 'binary' | 'multiclass';
  /** The target column's name in the training data. */
  readonly target: string;
  /** Class names in class-index order; binary: [negative, positive]. */
  readonly classNames: readonly string[];
  /** Binary: the positive class and why it was chosen. */
  readonly positiveClass?: { readonly value: string; readonly message: string };
  readonly preprocessor: PreprocessorConfig;
  /** Binary: how the decision threshold was chosen (the model keeps the value it uses). */
  readonly threshold?: PipelineThreshold;
  /** How the model's probabilities are calibrated; absent: they are used as the model gives them. */
  readonly calibration?: PipelineCalibration;
  /** A bagged ensemble: its members' count and the epochs early stopping kept for each. */
  readonly ensemble?: { readonly members: number; readonly epochs: readonly number[] };
  /** Trained again on the training and validation rows for this many epochs, early stopping's choice. */
  readonly refit?: { readonly epochs: number };
  /** The rows testMetrics are measured on; absent: 'test'. */
  readonly testMetricsOn?: ResultsOn;
  readonly data: TrainingData;
  readonly split: { readonly train: number; readonly validation: number; readonly test: number; readonly seed: number };
  readonly training: TrainingSummary;
  /** The headline test results: loss, accuracy, baselineAccuracy, precision, recall, f1, rocAuc... */
  readonly testMetrics: Readonly<Record<string, number | null>>;
  /** When training finished, as an ISO 8601 date. */
  readonly createdAt: string;
}

export interface PipelineThreshold {
  /** The setting as text: '0.5', 'f1', 'precision>=0.9'... */
  readonly objective: string;
  readonly value: number;
  /** For people: 'max F1 on the validation rows'. */
  readonly rule: string;
  /** The held-out rows that chose it (absent for a fixed threshold, and in older files). */
  readonly rows?: number;
}

/** The table the classifier was trained on, in numbers. */
export interface TrainingData {
  /** The file name, when the table came from a file (or parseCsv was given one). */
  readonly file?: string;
  readonly rows: number;
  /** Columns in the table, the target included. */
  readonly columns: number;
  readonly delimiter?: string;
  /** Rows per class, in class-index order. */
  readonly classCounts: readonly number[];
  /** The input columns, target excluded, in table order. */
  readonly featureColumns: readonly string[];
}

export interface TrainingSummary {
  /** The settings the model was trained with, every default filled in. */
  readonly settings: TrainingSettings;
  /** Keras' History.history: loss, accuracy, val_loss, val_accuracy, one value per epoch. */
  readonly history: Readonly<Record<string, readonly number[]>>;
  readonly epochsRun: number;
  /** The quantity early stopping watched: val_loss. */
  readonly monitor: string;
  /** 0-based epoch whose weights were restored. */
  readonly bestEpoch: number;
  /** 0-based epoch at which early stopping ended training; absent when every epoch ran. */
  readonly stoppedEpoch?: number;
}

/** trainClassifier's options as they were used (JSON: learningRate null for the default). */
export interface TrainingSettings {
  readonly hidden: readonly number[];
  readonly dropout: number;
  readonly epochs: number;
  readonly patience: number;
  readonly batchSize: number;
  readonly optimizer: string;
  readonly learningRate: number | null;
  readonly classWeight: 'none' | 'balanced';
  readonly validationSplit: number;
  readonly testSplit: number;
  readonly seed: number;
}
