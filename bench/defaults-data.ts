// The tables of the defaults benchmark (bench/defaults.ts): the shared datasets with their
// categorical columns, the fold of every row and scikit-learn's recorded 5-fold figures, all
// read from ../shared/datasets (BASELINES.md describes the protocol).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitIndices } from '../src/data/split-indices.js';
import type { ColumnType } from '../src/data/table.js';
import { readTableFile, type TableFile } from '../src/node/read-table-file.js';
import type { RowSplit } from '../src/classifier/split-rows.js';

export const DATASETS = ['breast_cancer', 'house_votes_84', 'musk', 'breast_cancer_categorical', 'caravan_insurance', 'vehicle'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** scikit-learn's mean figures on the same folds: ROC-AUC, log loss, accuracy, F1 per model. */
export type SklearnFigures = Record<'dummy_prior' | 'logreg' | 'mlp_32_32' | 'gboost', Record<'roc_auc' | 'log_loss' | 'accuracy' | 'f1', number>>;

export interface BenchDataset {
  readonly name: DatasetName;
  readonly table: TableFile;
  /** Per fold: the fold's test rows, and its other rows split 75 / 25 stratified into train / validation. */
  readonly splits: readonly RowSplit[];
  readonly sklearn: SklearnFigures;
}

/** Reads a dataset, its folds (folds/<name>.json) and its baselines (baselines.json). */
export async function benchDataset(directory: string, name: DatasetName, seed: number, validationSplit: number): Promise<BenchDataset> {
  const columnsFile = join(directory, `${name}.columns.json`);
  const columnTypes: Record<string, ColumnType> = {};
  try {
    const described = JSON.parse(readFileSync(columnsFile, 'utf8')) as { columns: { name: string; type: string }[] };
    for (const column of described.columns) if (column.type === 'categorical') columnTypes[column.name] = 'categorical';
  } catch {
    // NOTE: the numeric tables have no columns file.
  }
  const table = await readTableFile(join(directory, `${name}.csv`), { target: 'label', columnTypes });
  const folds = JSON.parse(readFileSync(join(directory, 'folds', `${name}.json`), 'utf8')) as { fold_of_row: number[] };
  const labels = table.target!.labels;
  const k = Math.max(...folds.fold_of_row) + 1;
  const splits = Array.from({ length: k }, (_, fold) => {
    const test = Int32Array.from(folds.fold_of_row.flatMap((f, row) => (f === fold ? [row] : [])));
    const rest = Int32Array.from(folds.fold_of_row.flatMap((f, row) => (f === fold ? [] : [row])));
    // NOTE: as cvSplits does: a stratified seeded share of the fold's training rows validates.
    const [train, validation] = splitIndices(Int32Array.from(rest, (row) => labels[row]), { fractions: [1 - validationSplit, validationSplit], seed, stratify: true });
    return { train: Int32Array.from(train, (i) => rest[i]), validation: Int32Array.from(validation, (i) => rest[i]), test };
  });
  const recorded = JSON.parse(readFileSync(join(directory, 'baselines.json'), 'utf8')) as { datasets: Record<string, { models: Record<string, { mean: Record<string, number> }> }> };
  const models = recorded.datasets[name].models;
  const pick = (model: string) => {
    const mean = models[model].mean;
    return { roc_auc: mean.roc_auc, log_loss: mean.log_loss, accuracy: mean.accuracy, f1: mean.f1 ?? mean.f1_macro };
  };
  const sklearn = { dummy_prior: pick('dummy_prior'), logreg: pick('logreg'), mlp_32_32: pick('mlp_32_32'), gboost: pick('gboost') };
  return { name, table, splits, sklearn };
}
