import { CsvCellBatches, type CsvCellBatch } from '../data/csv-cell-batches.js';
import type { Decimal } from '../data/table.js';
import { emptyFile, openCsv } from './csv-source.js';

export interface ReadCsvCellBatchesOptions {
  readonly batchSize: number;
  /** One ASCII character (the caller has settled it). */
  readonly delimiter: string;
  readonly decimal: Decimal;
  readonly missingValues?: readonly string[];
}

/**
 * Streams a CSV file as CsvCellBatches: the batches, records, lines and errors of
 * readCsvBatches, each cell kept as bytes until a text is asked for (see CsvCellBatch). For a
 * first pass that infers kinds over a large file (trainClassifierFile). A batch is read before
 * the next is asked for: its memory then holds a later batch (CsvCellBatches.recycle).
 */
export async function* readCsvCellBatches(path: string, options: ReadCsvCellBatchesOptions): AsyncGenerator<CsvCellBatch> {
  const source = await openCsv(path, options.delimiter);
  const batches = new CsvCellBatches({ ...options, delimiter: source.delimiter.charCodeAt(0), file: source.file });
  const each = function* (done: readonly CsvCellBatch[]) {
    for (const batch of done) {
      yield batch;
      batches.recycle(batch);
    }
  };
  for await (const chunk of source.bytes()) yield* each(batches.push(chunk));
  yield* each(batches.end());
  if (batches.names === undefined) throw emptyFile(source.file);
}
