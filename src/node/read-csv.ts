import { TableBuilder, type LabelledTable, type TableOptions } from '../data/table-builder.js';
import { countLines } from './count-lines.js';
import { emptyFile, openCsv } from './csv-source.js';

export interface ReadCsvOptions extends TableOptions {
  /** The field delimiter. Default: sniffed from the header line among `,` `;` tab and `|`. */
  readonly delimiter?: string;
}

/** A CSV file read into columns: the features as a Table, the target as class indices. */
export interface CsvData extends LabelledTable {
  readonly file: string;
  readonly delimiter: string;
}

/**
 * Reads a CSV file with a header row into columnar storage in one streaming parse (csv-parse):
 * numeric and boolean columns as Float32Array, categorical columns as Int32Array codes plus a
 * category list, the target as class indices. Column kinds are inferred (see ColumnBuilder) unless
 * given in `columnTypes`; the target is the column named by `target`, else `label`, else the last.
 * Every problem is a DataError naming the file, line, column and value.
 */
export async function readCsv(file: string, options: ReadCsvOptions = {}): Promise<CsvData> {
  const source = await openCsv(file, options.delimiter);
  // NOTE: counting lines first (a fast byte scan) sizes every column exactly, so the columns are
  // never copied; blank lines or quoted line breaks only make the count an over-estimate.
  const lines = await countLines(file);
  const expectedRows = lines === undefined ? undefined : Math.max(0, lines - 1);
  let builder: TableBuilder | undefined;
  const records = source.records((record, line) => {
    if (builder === undefined) builder = new TableBuilder(record, options, file, expectedRows);
    else builder.add(record, line);
  });
  // NOTE: records are consumed inside the parser, so nothing is yielded; this drains the file.
  for await (const _ of records);
  if (builder === undefined) throw emptyFile(file);
  return { file, delimiter: source.delimiter, ...builder.finish() };
}
