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
}
