import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from '../data/parse-value.js';
import { decimalCommaNote, sniffDecimal } from '../data/sniff-decimal.js';
import type { DataWarning } from '../data/data-warning.js';
import type { Decimal } from '../data/table.js';
import { TableBuilder, type LabelledTable, type TableOptions } from '../data/table-builder.js';
import { countLines } from './count-lines.js';
import { emptyFile, openCsv } from './csv-source.js';

export interface ReadCsvOptions extends TableOptions {
  /** The field delimiter. Default: sniffed from the header line among `,` `;` tab and `|`. */
  readonly delimiter?: string;
  /**
   * The decimal separator: '.' (`6.5`) or ',' (`6,5`). Default: sniffed from the first lines (a
   * comma when a column holds only numbers written with one; see sniffDecimal).
   */
  readonly decimal?: Decimal;
}

/** A CSV file read into columns: the features as a Table, the target as class indices. */
export interface CsvData extends LabelledTable {
  readonly file: string;
  readonly delimiter: string;
  readonly decimal: Decimal;
  readonly warnings: readonly DataWarning[];
}

/**
 * Reads a CSV file with a header row into columnar storage in one streaming parse (csv-parse):
 * numeric and boolean columns as Float32Array, categorical columns as Int32Array codes plus a
 * category list, the target as class indices. Column kinds are inferred (see ColumnBuilder) unless
 * given in `columnTypes`; the target is the column named by `target`, else `label`, else the last.
 * Every problem is a DataError naming the file, line, column and value; `table.warnings` says
 * what may not be meant (a decimal comma was detected, a column of numbers became categories).
 * `hint` names the options in messages (the CLI passes one that writes its flags).
 */
export async function readCsv(file: string, options: ReadCsvOptions = {}, hint: HintWriter = libraryHint): Promise<CsvData> {
  const source = await openCsv(file, options.delimiter);
  const missing = new MissingValues(options.missingValues ?? DEFAULT_MISSING_VALUES);
  const sniffed = options.decimal === undefined ? sniffDecimal(source.start, source.delimiter, missing) : { decimal: options.decimal };
  const decimal = sniffed.decimal;
  // NOTE: counting lines first (a fast byte scan) sizes every column exactly, so the columns are
  // never copied; blank lines or quoted line breaks only make the count an over-estimate.
  const lines = await countLines(file);
  const expectedRows = lines === undefined ? undefined : Math.max(0, lines - 1);
  let builder: TableBuilder | undefined;
  const records = source.records((record, line) => {
    if (builder === undefined) builder = new TableBuilder(record, { ...options, decimal }, file, expectedRows, hint);
    else builder.add(record, line);
  });
  // NOTE: records are consumed inside the parser, so nothing is yielded; this drains the file.
  for await (const _ of records);
  if (builder === undefined) throw emptyFile(file);
  const table = builder.finish();
  const note = decimalCommaNote(sniffed, hint);
  return { file, delimiter: source.delimiter, decimal, ...table, warnings: [...(note ? [note] : []), ...(table.warnings ?? [])] };
}
