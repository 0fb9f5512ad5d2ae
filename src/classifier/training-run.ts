import type { History } from '../model/history.js';
import type { CalibrationRun } from './calibration-run.js';
import type { ResultsOn } from './results-on.js';
import type { ClassifierWarning } from './classifier-warnings.js';
import type { ClassifierResults } from './evaluate-classifier.js';
import type { ChosenThreshold } from './threshold-choice.js';

/**
 * How trainClassifier trained a classifier, as data (kept in memory, not saved; the saved
 * pipeline keeps a summary): the rows of each part, fit's History, the threshold choice with its
 * validation scores, the test results and every warning of the run.
 */
export interface TrainingRun {
  /** Row indices into the training table: stratified, seeded, disjoint. */
  readonly split: { readonly train: Int32Array; readonly validation: Int32Array; readonly test: Int32Array };
  readonly history: History;
  /** 0-based epoch whose weights were restored (the lowest val_loss). */
  readonly bestEpoch: number;
  /** 0-based epoch at which early stopping ended training; undefined when every epoch ran. */
  readonly stoppedEpoch: number | undefined;
  /** The loss the model was compiled with: binary or sparse categorical cross-entropy. */
  readonly loss: string;
  /** Binary targets: the decision threshold and how it scored on the validation rows. */
  readonly threshold: ChosenThreshold | undefined;
  /** Results on the test rows, which fitting, early stopping and threshold tuning never saw (see resultsOn). */
  readonly test: ClassifierResults;
  /** Preprocessing notes, the model doctor's findings, metric conventions, no early stop... */
  readonly warnings: readonly ClassifierWarning[];
  /** The rows `test` is measured on: the test rows, or with none the out-of-fold or validation rows. */
  readonly resultsOn: ResultsOn;
  /** The calibration fitted on the held-out rows, with the results' rows before and after it. */
  readonly calibration?: CalibrationRun;
  /** A bagged ensemble: its members' count and the epochs early stopping kept for each. */
  readonly ensemble?: { readonly members: number; readonly epochs: readonly number[] };
  /** Trained again on the training and validation rows for this many epochs. */
  readonly refit?: { readonly epochs: number };
}
