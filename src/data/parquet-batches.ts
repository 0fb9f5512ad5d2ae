import { parquetScan } from 'hyparquet';
import { openParquet, type ParquetInput } from './parquet-source.js';
import { textBatches, type TextBatch } from './text-batches.js';

export interface ParquetBatchesOptions {
  /** Rows per batch (default 1024). */
  readonly batchSize?: number;
  /** The name of the source in messages. */
  readonly file?: string;
}

/**
 * Streams a Parquet file as batches of text cells, one row group at a time, for a saved model's
 * preprocessing to read as it reads readCsvBatches' batches (nothing is inferred here).
 *
 *   for await (const batch of nn.data.parquetBatches(bytes)) classifier.predictBatch(batch)
 */
export async function* parquetBatches(input: ParquetInput, options: ParquetBatchesOptions = {}): AsyncGenerator<TextBatch> {
  const source = await openParquet(input, options.file);
  const names = source.fields.map((field) => field.name);
  if (source.rows === 0) return;
  const scan = await parquetScan({ file: source.buffer, metadata: source.metadata });
  const read = (column: string, rowStart: number, rowEnd: number) => scan.readColumn({ column, rowStart, rowEnd });
  yield* textBatches(names, scan.ranges, read, options.batchSize ?? 1024, source.file ?? 'the data');
}
