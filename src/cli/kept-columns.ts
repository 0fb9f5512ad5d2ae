import { show } from '../errors.js';
import type { ClassifierRows } from '../classifier/classifier-rows.js';
import type { CsvTableBatch } from '../data/csv-table-batches.js';
import type { TextBatch } from '../data/text-batches.js';
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
 * it is never an "extra column"; one the model uses stays in both. A typed batch's kept columns
 * come from its `texts`, each cell's text as in the file.
 */
export function splitKept(batch: TextBatch | CsvTableBatch, keep: readonly string[], modelColumns: ReadonlySet<string>): { input: ClassifierRows; kept: KeptColumns } {
  if (keep.length === 0) return { input: batch, kept: { names: [], columns: [] } };
  if ('header' in batch) {
    // NOTE: typed batches were read with the kept columns' text (keepText) and without the kept
    // columns the model does not read.
    for (const name of keep) checkColumnOption('keep', name, batch.header, batch.file);
    return { input: batch, kept: { names: keep, columns: keep.map((name) => batch.texts[name]) } };
  }
  const columns = keep.map((name) => {
    checkColumnOption('keep', name, batch.names, batch.file);
    return batch.columns[batch.names.indexOf(name)];
  });
  const dropped = (name: string) => keep.includes(name) && !modelColumns.has(name);
  const input: TextBatch = {
    ...batch,
    names: batch.names.filter((name) => !dropped(name)),
    columns: batch.columns.filter((_, c) => !dropped(batch.names[c])),
  };
  return { input, kept: { names: keep, columns } };
}
