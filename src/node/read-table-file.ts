import { readFile } from 'node:fs/promises';
import type { DataWarning } from '../data/data-warning.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { readArrow } from '../data/read-arrow.js';
import type { LabelledTable } from '../data/table-builder.js';
import { dataFileFormat } from './data-file-format.js';
import { readCsv, type ReadCsvOptions } from './read-csv.js';
import { readParquetFile } from './read-parquet-file.js';

/** A data file read into columns, whatever its format. */
export interface TableFile extends LabelledTable {
  readonly file: string;
  /** The CSV delimiter; undefined for Parquet and Arrow files. */
  readonly delimiter?: string;
  readonly warnings: readonly DataWarning[];
}

/**
 * Reads a CSV, Parquet or Arrow IPC file by its extension (see dataFileFormat) into columns,
 * with readCsv's options: Parquet and Arrow columns take their kinds from the file's schema (the
 * CSV-only `delimiter` and `decimal` do not apply to them).
 */
export async function readTableFile(path: string, options: ReadCsvOptions = {}, hint: HintWriter = libraryHint): Promise<TableFile> {
  const { delimiter: _delimiter, decimal: _decimal, ...typed } = options;
  switch (dataFileFormat(path)) {
    case 'parquet':
      return readParquetFile(path, typed, hint);
    case 'arrow':
      return { ...(await readArrow(await readFile(path), { ...typed, file: path }, hint)), file: path };
    case 'csv':
      return readCsv(path, options, hint);
  }
}
