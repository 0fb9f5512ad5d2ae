import { stat } from 'node:fs/promises';
import type { CsvProgress } from '../data/csv-read-chunks.js';
import { CsvTableBatches, type CsvTableBatch } from '../data/csv-table-batches.js';
import { DEFAULT_MISSING_VALUES } from '../data/parse-value.js';
import type { ColumnType, Decimal } from '../data/table.js';
import { ConfigError, show } from '../errors.js';
import { batchProgress } from './batch-progress.js';
import { openCsv, type CsvInput } from './csv-source.js';

export type { CsvTableBatch } from '../data/csv-table-batches.js';

export interface ReadCsvTablesOptions {
  /** The kind of each column to read typed (a model's `columnTypes()`); the others are read as text. */
  readonly columnTypes: Readonly<Record<string, ColumnType>>;
  /** Tokens read as missing in the typed columns. Default: '', NA, NaN, ?, null. */
  readonly missingValues?: readonly string[];
  /** The decimal separator of numbers. Default '.'. */
  readonly decimal?: Decimal;
  /** Rows per batch (default 1024). */
  readonly batchSize?: number;
  /** The field delimiter: one ASCII character. Default: sniffed from the file's start. */
  readonly delimiter?: string;
  /** Columns whose cells' exact text is kept too, in each batch's `texts` (see CsvTableBatchOptions). */
  readonly keepText?: readonly string[];
  /** Called after each chunk read (about 1 MiB) with the bytes and rows read so far (and the file's size). */
  readonly onProgress?: (progress: CsvProgress) => void;
}

/**
 * Streams a CSV file as batches of typed rows for a model whose column kinds are known (see
 * CsvTableBatches): numbers read from the bytes into Float32Arrays, other columns as their text.
 * Constant memory for any file size; the file is read as fast as batches are consumed. A
 * header-only file yields no batch. For a delimiter of several characters, use readCsvBatches.
 *
 *   for await (const batch of readCsvTables('rows.csv', { columnTypes: clf.columnTypes() })) clf.predictBatch(batch)
 */
export async function* readCsvTables(input: CsvInput, options: ReadCsvTablesOptions): AsyncGenerator<CsvTableBatch> {
  const batchSize = options.batchSize ?? 1024;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError('config/batch-size', `batchSize must be a positive integer but is ${show(batchSize)}; e.g. 1024.`);
  }
  const source = await openCsv(input, options.delimiter);
  if (!isOneByte(source.delimiter)) {
    throw new ConfigError(
      'config/delimiter',
      `readCsvTables reads a delimiter of one ASCII character, but the delimiter is ${show(source.delimiter)}; read the file with readCsvBatches.`,
    );
  }
  const batches = new CsvTableBatches({
    delimiter: source.delimiter,
    columnTypes: options.columnTypes,
    missingValues: options.missingValues ?? DEFAULT_MISSING_VALUES,
    decimal: options.decimal ?? '.',
    batchSize,
    file: source.file,
    ...(options.keepText === undefined ? {} : { keepText: options.keepText }),
  });
  const progress = batchProgress(typeof input === 'string' ? (await stat(input)).size : undefined, options.onProgress);
  for await (const chunk of source.bytes()) {
    progress.read(chunk);
    yield* progress.report(batches.push(chunk));
  }
  const last = batches.end();
  yield* last.length > 0 ? progress.report(last) : last;
}

/** Whether readCsvTables reads this delimiter (one ASCII character). */
export function isOneByte(delimiter: string): boolean {
  return delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80;
}
