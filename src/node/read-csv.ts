import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { readCsvChunks, type ReadCsvOptions as BytesReadCsvOptions } from '../data/csv-read-chunks.js';
import type { CsvTable } from '../data/csv-table.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { countLines } from './count-lines.js';
import { fileChunks } from './file-chunks.js';
import { openCsv } from './csv-source.js';
import { readCsvInParts } from './read-csv-in-parts.js';

export type { CsvProgress } from '../data/csv-read-chunks.js';

/**
 * readCsv's options: the table's (target, columnTypes, missingValues…), the delimiter and decimal
 * separator (sniffed when absent) and `onProgress`, called after each MiB read with the bytes and
 * rows read so far and the file's size; `parallel`.
 */
export interface ReadCsvOptions extends Omit<BytesReadCsvOptions, 'file'> {
  /**
   * Read a large file (16 MiB or more) in two parts at once, on this thread and a worker thread,
   * when the machine has more than one core (default true). The table is the same either way,
   * but its arrays are then in a SharedArrayBuffer (both threads wrote into them, so no row was
   * copied); false reads on this thread only, into plain ArrayBuffers, which is faster when other
   * work keeps the cores busy.
   */
  readonly parallel?: boolean;
}

/** A CSV file read into columns: the features as a Table, the target as class indices. */
export interface CsvData extends CsvTable {
  readonly file: string;
}

/** The smallest file read in two parts: below it, a worker's start-up costs more than it saves. */
const PARALLEL_BYTES = 16 << 20;

/**
 * Reads a CSV file with a header row into columnar storage in one streaming pass of the byte
 * reader (CsvBytesTable, shared with parseCsv and the browser's readCsv, so all three give one
 * table and the same errors): numeric and boolean columns as Float32Array, numbers parsed straight
 * from the bytes; categorical columns as Int32Array codes plus a category list; the target as
 * class indices. Column kinds are inferred (see ColumnBuilder) unless given in `columnTypes`; the
 * target is the column named by `target`, else `label`, else the last. Every problem is a
 * DataError naming the file, line, column and value; `table.warnings` says what may not be meant
 * (a decimal comma was detected, a column of numbers became categories). `hint` names the options
 * in messages (the CLI passes one that writes its flags).
 *
 *   const table = await readCsv('big.csv', { target: 'churned', onProgress: ({ rows }) => … });
 */
export async function readCsv(file: string, options: ReadCsvOptions = {}, hint: HintWriter = libraryHint): Promise<CsvData> {
  // NOTE: openCsv reads the file's start, so a missing, unreadable or empty file fails here with
  // its own message, and settles the delimiter.
  const source = await openCsv(file, options.delimiter);
  const { size } = await stat(file);
  // NOTE: the load is not consulted: the load average lags by a minute and counts this
  // process's own work just before. Two threads sharing one core read slower than one (on 2
  // cores with one held by other work: 5.2 s against 3.3 s for a 414 MB file); `parallel: false`.
  if ((options.parallel ?? true) && size >= PARALLEL_BYTES && availableParallelism() > 1) {
    const table = await readCsvInParts(file, options, hint, { size, delimiter: source.delimiter });
    return { ...table, file };
  }
  // NOTE: counting lines first (a fast byte scan) sizes every column exactly, so the columns are
  // never copied; blank lines or quoted line breaks only make the count an over-estimate.
  const lines = await countLines(file);
  const expectedRows = lines === undefined ? undefined : Math.max(0, lines - 1);
  const table = await readCsvChunks(fileChunks(file), { ...options, delimiter: source.delimiter, file }, hint, { totalBytes: size, expectedRows });
  return { ...table, file };
}
