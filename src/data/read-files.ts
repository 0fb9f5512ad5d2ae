import type { CsvBatch, ReadCsvBatchesOptions } from '../io/read-csv-batches.js';
import type { CsvData, ReadCsvOptions } from '../io/read-csv.js';

/**
 * `nn.data.readCsv` and `nn.data.readCsvBatches`: the Node file readers of src/io, loaded on first
 * use. NOTE: the dynamic imports keep this namespace browser-safe; a browser bundle only reaches
 * the Node built-ins if a file is actually read (which a browser cannot do anyway).
 */
export async function readCsv(file: string, options?: ReadCsvOptions): Promise<CsvData> {
  const io = await import('../io/read-csv.js');
  return io.readCsv(file, options);
}

export async function* readCsvBatches(file: string, options?: ReadCsvBatchesOptions): AsyncGenerator<CsvBatch> {
  const io = await import('../io/read-csv-batches.js');
  yield* io.readCsvBatches(file, options);
}

export type { CsvBatch, CsvData, ReadCsvBatchesOptions, ReadCsvOptions };
