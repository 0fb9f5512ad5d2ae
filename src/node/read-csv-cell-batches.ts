import { stat } from 'node:fs/promises';
import { CsvCellBatches, type CsvCellBatch } from '../data/csv-cell-batches.js';
import type { CsvProgress } from '../data/csv-read-chunks.js';
import type { Decimal } from '../data/table.js';
import { batchProgress } from './batch-progress.js';
import { emptyFile, openCsv } from './csv-source.js';

export interface ReadCsvCellBatchesOptions {
  readonly batchSize: number;
  /** One ASCII character (the caller has settled it). */
  readonly delimiter: string;
  readonly decimal: Decimal;
  readonly missingValues?: readonly string[];
  /** Called after each chunk read (about 1 MiB) with the bytes and rows read so far. */
  readonly onProgress?: (progress: CsvProgress) => void;
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
  const progress = batchProgress((await stat(path)).size, options.onProgress);
  for await (const chunk of source.bytes()) {
    progress.read(chunk);
    yield* each(progress.report(batches.push(chunk)));
  }
  const last = batches.end();
  yield* each(last.length > 0 ? progress.report(last) : last);
  if (batches.names === undefined) throw emptyFile(source.file);
}
