import { parquetScan } from 'hyparquet';
import type { DataWarning } from './data-warning.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { openParquet, type ParquetInput } from './parquet-source.js';
import type { LabelledTable, TableOptions } from './table-builder.js';
import { TypedTableBuilder } from './typed-table-builder.js';

export interface ReadParquetOptions extends TableOptions {
  /** The name of the source in messages (default: a File's name). */
  readonly file?: string;
}

/** A Parquet file read into columns: the features as a Table, the target as class indices. */
export interface ParquetData extends LabelledTable {
  readonly file?: string;
  readonly warnings: readonly DataWarning[];
}

/**
 * Reads a Parquet file into columnar storage with hyparquet (pure JavaScript: Node and
 * browsers), one row group at a time. Each column's kind comes from the file's schema (numbers
 * → numeric, strings and dictionaries → categorical, booleans → boolean; nulls are missing
 * values), never from its text; `columnTypes` overrides it. The target, the options and their
 * errors are readCsv's, so a Parquet file gives the table the CSV it came from gives.
 *
 *   const table = await nn.data.readParquet(await file.arrayBuffer(), { target: 'churn' })
 */
export async function readParquet(input: ParquetInput, options: ReadParquetOptions = {}, hint: HintWriter = libraryHint): Promise<ParquetData> {
  const source = await openParquet(input, options.file);
  const { file } = source;
  const builder = new TypedTableBuilder(source.fields, source.rows, options, file, hint);
  if (source.rows > 0) {
    const scan = await parquetScan({ file: source.buffer, metadata: source.metadata, columns: [...builder.wanted] });
    for (const { rowStart, rowEnd } of scan.ranges) {
      for (const column of builder.wanted) builder.add(column, rowStart, await scan.readColumn({ column, rowStart, rowEnd }));
    }
  }
  return { ...(file === undefined ? {} : { file }), ...builder.finish() };
}
