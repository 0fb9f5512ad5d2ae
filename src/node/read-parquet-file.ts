import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { readParquet, type ParquetData, type ReadParquetOptions } from '../data/read-parquet.js';
import { openParquetFile } from './parquet-file.js';

/**
 * Reads a Parquet file by path (see nn.data.readParquet for bytes and Blobs): the column kinds
 * come from its schema; the file is read one column chunk at a time.
 *
 *   const table = await nn.data.readParquetFile('customers.parquet', { target: 'churn' })
 */
export async function readParquetFile(path: string, options: ReadParquetOptions = {}, hint: HintWriter = libraryHint): Promise<ParquetData & { readonly file: string }> {
  const file = await openParquetFile(path);
  try {
    return { ...(await readParquet(file, { ...options, file: options.file ?? path }, hint)), file: options.file ?? path };
  } finally {
    await file.close();
  }
}
