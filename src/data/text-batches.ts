import { ConfigError, show } from '../errors.js';
import type { RawColumns } from './table.js';
import { cellText } from './typed-table-builder.js';

/** A batch of rows as text cells, as readCsvBatches yields them; `lines` holds row numbers from 1. */
export interface TextBatch extends RawColumns {
  readonly file: string;
  readonly lines: Int32Array;
}

/** Reads the values of one column for rows [rowStart, rowEnd). */
export type ReadColumn = (name: string, rowStart: number, rowEnd: number) => Promise<ArrayLike<unknown>>;

/**
 * Turns typed columns (a Parquet file's row groups, an Arrow table) into batches of text cells
 * that a saved model's preprocessing reads exactly as it reads a CSV file's: a number as its
 * shortest text, a boolean as true / false, null as an empty (missing) cell. `ranges` are the
 * source's chunks (row groups), read one at a time.
 */
export async function* textBatches(
  names: readonly string[], ranges: readonly { readonly rowStart: number; readonly rowEnd: number }[], read: ReadColumn,
  batchSize: number, file: string,
): AsyncGenerator<TextBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError('config/batch-size', `batchSize must be a positive integer but is ${show(batchSize)}; e.g. 1024.`);
  }
  for (const { rowStart, rowEnd } of ranges) {
    const values: ArrayLike<unknown>[] = [];
    for (const name of names) values.push(await read(name, rowStart, rowEnd));
    for (let start = 0; start < rowEnd - rowStart; start += batchSize) {
      const rows = Math.min(batchSize, rowEnd - rowStart - start);
      const columns = values.map((column) => {
        const text = new Array<string>(rows);
        for (let r = 0; r < rows; r++) text[r] = cellText(column[start + r]);
        return text;
      });
      const lines = new Int32Array(rows);
      for (let r = 0; r < rows; r++) lines[r] = rowStart + start + r + 1;
      yield { names, columns, rows, lines, file };
    }
  }
}
