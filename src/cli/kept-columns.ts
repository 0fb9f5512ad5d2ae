import { show } from '../errors.js';
import type { CsvBatch } from '../node/read-csv-batches.js';
import { checkColumnOption } from './column-option.js';
import { usageError } from './parse-command-line.js';
import type { KeptColumns } from './prediction-rows.js';

/** Checks that `--keep` names no output column (`class`, `probability_yes`...), which would be written twice. */
export function checkKeepNames(keep: readonly string[], outputNames: readonly string[]): void {
  const clash = keep.find((name) => outputNames.includes(name));
  if (clash !== undefined) {
    throw usageError(
      'predict',
      `--keep ${show(clash)} would repeat an output column (the output has ${outputNames.map((name) => JSON.stringify(name)).join(', ')}); ` +
        'leave it out of --keep, or rename that column in the data file.',
    );
  }
}

/**
 * Splits a batch into the rows the model reads and the `--keep` columns copied into the output.
 * A kept column the model was not trained on (an identifier) is left out of the model's input, so
 * it is never an "extra column"; one the model uses stays in both.
 */
export function splitKept(batch: CsvBatch, keep: readonly string[], modelColumns: ReadonlySet<string>): { input: CsvBatch; kept: KeptColumns } {
  if (keep.length === 0) return { input: batch, kept: { names: [], columns: [] } };
  const columns = keep.map((name) => {
    checkColumnOption('keep', name, batch.names, batch.file);
    return batch.columns[batch.names.indexOf(name)];
  });
  const dropped = (name: string) => keep.includes(name) && !modelColumns.has(name);
  const input: CsvBatch = {
    ...batch,
    names: batch.names.filter((name) => !dropped(name)),
    columns: batch.columns.filter((_, c) => !dropped(batch.names[c])),
  };
  return { input, kept: { names: keep, columns } };
}
