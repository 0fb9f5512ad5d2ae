import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import { parquetBatches } from '../data/parquet-batches.js';
import { textBatches, type TextBatch } from '../data/text-batches.js';
import type { CsvInput } from './csv-source.js';
import { dataFileFormat } from './data-file-format.js';
import { openParquetFile } from './parquet-file.js';
import { readCsvBatches, type ReadCsvBatchesOptions } from './read-csv-batches.js';

/**
 * Streams a CSV, Parquet or Arrow IPC file (by its extension, see dataFileFormat) as batches of
 * text cells, which a saved model's preprocessing reads alike whatever the format. Standard input
 * and other streams are read as CSV. `lines` are line numbers in a CSV file, row numbers from 1
 * in the others.
 */
export async function* readBatches(input: CsvInput, options: ReadCsvBatchesOptions = {}): AsyncGenerator<TextBatch> {
  const format = typeof input === 'string' ? dataFileFormat(input) : 'csv';
  if (typeof input !== 'string' || format === 'csv') return yield* readCsvBatches(input, options);
  if (format === 'parquet') {
    const file = await openParquetFile(input);
    try {
      return yield* parquetBatches(file, { batchSize: options.batchSize, file: input });
    } finally {
      await file.close();
    }
  }
  const table = tableFromIPC(await readFile(input));
  const names = table.schema.fields.map((field) => field.name);
  const read = async (name: string) => Array.from(table.getChild(name)!);
  yield* textBatches(names, table.numRows === 0 ? [] : [{ rowStart: 0, rowEnd: table.numRows }], read, options.batchSize ?? 1024, input);
}
