/**
 * Everything the HTML report shows, as plain arrays and numbers. The CLI (`nnkit train --report`,
 * `nnkit evaluate --report`) fills it from the data pipeline, the model and the metrics; the report
 * only draws it and derives nothing but display values (row rates, per-class precision / recall /
 * F1 from the confusion counts). Epochs are 0-based indices into the history arrays, as in Keras'
 * `History.history` and `EarlyStopping.best_epoch`; the report prints them 1-based, as Keras'
 * progress lines do ("Epoch 1/50").
 */

/** `binary`: one sigmoid output, classes [negative, positive]; `multiclass`: K ≥ 3 softmax outputs. */
export type ReportTask = 'binary' | 'multiclass';

/** The doctor's severities (error: the model cannot work as written; warning: it may mislead). */
export type WarningSeverity = 'error' | 'warning' | 'info';

export interface ReportWarning {
  /** A stable code such as `data/class-imbalance`. */
  readonly code: string;
  readonly severity: WarningSeverity;
  readonly message: string;
}

export interface DataSummary {
  /** The CSV path as the user gave it (shown, never loaded). */
  readonly file: string;
  /** Data rows in the file (header excluded). */
  readonly rows: number;
  /** Columns in the file, target included. */
  readonly columns: number;
  /** The target column's name. */
  readonly target: string;
  /** Class names in class-index order; binary: [negative, positive]. */
  readonly classNames: readonly string[];
  /** Class balance: rows per class over the whole file, same order as classNames. */
  readonly classCounts: readonly number[];
  /** Input feature column names (before one-hot encoding), target excluded. */
  readonly featureNames: readonly string[];
  /** Rows in each split, when the data was split (absent for `evaluate`). */
  readonly split?: { readonly train: number; readonly validation: number; readonly test: number };
}

export interface ModelSummary {
  /** The text of the Keras-style `model.summary()` table, printed as is (monospace). */
  readonly summaryText: string;
  readonly totalParams: number;
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
  /** e.g. `adam (learning_rate 0.001)`. */
  readonly optimizer?: string;
  /** e.g. `binary_crossentropy`. */
  readonly loss?: string;
}

export interface TrainingHistory {
  /** Keras `History.history`: `loss`, `val_loss`, `accuracy`, `val_accuracy`, ... one value per epoch. */
  readonly history: Readonly<Record<string, readonly number[]>>;
  /** 0-based epoch whose weights were kept (restore_best_weights), marked on every curve. */
  readonly bestEpoch?: number;
  /** 0-based epoch at which early stopping ended training; absent when every epoch ran. */
  readonly stoppedEpoch?: number;
  /** The quantity early stopping watched, e.g. `val_loss`. */
  readonly monitor?: string;
}

export interface MetricRow {
  /** Display name, e.g. `ROC-AUC`, `F1`, `loss`. */
  readonly name: string;
  readonly value: number;
  /**
   * Confidence interval [low, high] at `MetricsTable.confidenceLevel`; null when it is undefined
   * (the bootstrap's resamples were degenerate), shown as such rather than as a point.
   */
  readonly ci?: readonly [number, number] | null;
}

export interface MetricsTable {
  /** Test-set metrics in display order. */
  readonly rows: readonly MetricRow[];
  /** Accuracy of always predicting the majority class of the evaluated rows. */
  readonly baselineAccuracy: number;
  /**
   * Binary: the logistic regression trained the same way (the pipeline without hidden layers),
   * on the same rows, when it was trained: is the network worth it?
   */
  readonly logisticBaseline?: { readonly accuracy: number; readonly f1: number; readonly rocAuc: number | null; readonly logLoss: number };
  /** Rows evaluated (the test split, or the whole file for `evaluate`). */
  readonly evaluatedRows: number;
  /**
   * For `evaluate`: the file whose rows were evaluated (they need not be held out), and how many
   * of them the model was trained on when it knows. Absent: the held-out test rows of training.
   */
  readonly evaluatedOn?: { readonly file: string; readonly trainingRows?: number };
  /** e.g. 0.95, when any row has a `ci`. */
  readonly confidenceLevel?: number;
  /** e.g. `bootstrap, 1000 resamples, seed 42`. */
  readonly ciMethod?: string;
}

/** scikit-learn's `roc_curve` output; thresholds decrease (the first may be Infinity). */
export interface RocCurve {
  readonly fpr: readonly number[];
  readonly tpr: readonly number[];
  /** Same length as fpr and tpr. */
  readonly thresholds: readonly number[];
  readonly auc: number;
}

/** scikit-learn's `precision_recall_curve` output (recall decreasing, ending at recall 0). */
export interface PrCurve {
  readonly precision: readonly number[];
  readonly recall: readonly number[];
  /** Same length as precision, or one less (scikit-learn: the last point has no threshold). */
  readonly thresholds: readonly number[];
  readonly averagePrecision: number;
  /** Fraction of positive rows: a no-skill classifier's precision. */
  readonly prevalence: number;
}

export interface ConfusionMatrixData {
  /** K class names; rows are actual classes, columns predicted (scikit-learn's layout). */
  readonly classNames: readonly string[];
  /** K × K counts: counts[actual][predicted]. */
  readonly counts: readonly (readonly number[])[];
  /** The decision threshold the binary matrix was computed at (score > threshold is positive). */
  readonly threshold?: number;
}

export interface ThresholdSweep {
  readonly thresholds: readonly number[];
  readonly precision: readonly number[];
  readonly recall: readonly number[];
  readonly f1: readonly number[];
  /** The model's decision threshold. */
  readonly chosen: number;
  /** How it was chosen, e.g. `max F1 on validation rows`. */
  readonly rule?: string;
}

/**
 * Binned reliability curve (the library's reliabilityCurve, one entry per bin). Binary: mean
 * predicted positive probability against the fraction of positive rows per bin. Multi-class: mean
 * top-class confidence against the fraction predicted correctly. Bins with count 0 are skipped
 * (their other values are ignored).
 */
export interface ReliabilityCurve {
  readonly meanPredicted: readonly number[];
  readonly fractionPositive: readonly number[];
  readonly count: readonly number[];
  /** The 95% Wilson interval of each bin's fractionPositive: its lower and upper bounds. */
  readonly intervalLower: readonly number[];
  readonly intervalUpper: readonly number[];
  readonly expectedCalibrationError: number;
}

/**
 * Scores of evaluated rows grouped by actual class (scores[k]: rows whose label is class k), to be
 * binned by the chart. Binary: the positive-class probability of each row. Multi-class: the
 * probability the model gave to the row's own class.
 */
export interface ScoreDistributions {
  readonly classNames: readonly string[];
  readonly scores: readonly ArrayLike<number>[];
}

/** Probabilities before or after calibration on the same rows: their reliability curve, Brier score, log loss. */
export interface CalibrationPanel {
  readonly reliability: ReliabilityCurve;
  /** Binary: mean squared error of the probability; multi-class: summed over the classes. */
  readonly brier: number;
  readonly logLoss: number;
}

/** A calibrated classifier's probabilities before and after its calibration map. */
export interface CalibrationComparison {
  /** The map in words, e.g. `temperature 1.372`, `isotonic (12 points)`. */
  readonly method: string;
  /** Where it was fitted, e.g. `114 validation rows`, `455 out-of-fold predictions`. */
  readonly fittedOn: string;
  /** The rows the panels are measured on, e.g. `the 114 test rows`. */
  readonly measuredOn: string;
  readonly before: CalibrationPanel;
  readonly after: CalibrationPanel;
}

/** Permutation importance of the raw input columns (`classifier.permutationImportance`, `nnkit explain`). */
export interface ImportanceData {
  /** The score that drops, e.g. `rocAuc`, `accuracy`. */
  readonly metric: string;
  /** The score on the rows as they are. */
  readonly baseline: number;
  readonly repeats: number;
  readonly seed: number;
  /** One per column, largest mean drop first. */
  readonly columns: readonly { readonly column: string; readonly mean: number; readonly sd: number }[];
}

export interface ReportData {
  /** Page heading, e.g. `breast_cancer.csv → diagnosis`. */
  readonly title: string;
  /** ISO 8601 timestamp of the run; absent keeps the page byte-for-byte reproducible. */
  readonly createdAt?: string;
  readonly task: ReportTask;
  readonly data: DataSummary;
  readonly model: ModelSummary;
  /** Absent for `nnkit evaluate` (no training in that run). */
  readonly training?: TrainingHistory;
  readonly metrics: MetricsTable;
  /** Binary only. */
  readonly roc?: RocCurve;
  /** Binary only. */
  readonly pr?: PrCurve;
  readonly confusion: ConfusionMatrixData;
  /** Binary only. */
  readonly thresholdSweep?: ThresholdSweep;
  readonly reliability?: ReliabilityCurve;
  readonly scores?: ScoreDistributions;
  /** A calibrated classifier: the reliability, ECE and Brier score before and after. */
  readonly calibration?: CalibrationComparison;
  /** Which columns matter, when permutation importance was computed. */
  readonly importance?: ImportanceData;
  readonly warnings: readonly ReportWarning[];
}
