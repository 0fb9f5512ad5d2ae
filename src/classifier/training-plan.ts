import type { LabelledTable } from '../data/table-builder.js';

/** A labelled table to train on (parseCsv / readCsv), with its file name when it has one. */
export interface TrainingTable extends LabelledTable {
  readonly file?: string;
  readonly delimiter?: string;
}

/** What trainClassifier is about to do, once the rows are split (for progress reporting). */
export interface TrainingPlan {
  readonly table: TrainingTable;
  readonly rows: { readonly train: number; readonly validation: number; readonly test: number };
  /** Input features after preprocessing. */
  readonly features: number;
  readonly epochs: number;
  /** Batches per epoch. */
  readonly steps: number;
  /** What it trains with (`ensemble: 'auto'` decided; see sizedRun). */
  readonly settings: PlannedSettings;
}

/** The training rows, and those of their smallest class, on which `ensemble: 'auto'` chose. */
export interface TableSize {
  readonly rows: number;
  readonly smallestClass: number;
}

/** The settings of a training plan that `ensemble: 'auto'` may choose, and its reason. */
export interface PlannedSettings {
  readonly hidden: readonly number[];
  readonly dropout: number;
  readonly batchSize: number;
  readonly patience: number;
  readonly refit: boolean;
  /** A member count (2 or more); undefined for one network. */
  readonly ensemble?: number;
  /** Set when `ensemble: 'auto'` chose: on what, and whether the small-table settings apply. */
  readonly auto?: TableSize & { readonly small: boolean };
}
