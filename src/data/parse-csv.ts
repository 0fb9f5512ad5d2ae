// NOTE: csv-parse's browser build, not its Node entry: it runs in any runtime (it carries its
// own small Buffer, so it needs neither node:* modules nor a global Buffer) and it is the same
// parser, version and options as readCsv's, so a string and a file give the same table and the
// same errors (line numbers, csv-parse's messages). A tokenizer of ours would have to copy
// csv-parse's trimming, relaxed quotes and error wording exactly to promise that.
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { NnkitError } from '../errors.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { checkDelimiter, csvParseOptions, csvSyntaxError, emptyCsvError, isBlankCsv } from './parse-csv-rules.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import { decimalCommaNote, sniffDecimal, SNIFF_LENGTH } from './sniff-decimal.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import type { DataWarning } from './data-warning.js';
import type { Decimal } from './table.js';
import { TableBuilder, type LabelledTable, type TableOptions } from './table-builder.js';

export interface ParseCsvOptions extends TableOptions {
  /** The field delimiter. Default: sniffed from the header line among `,` `;` tab and `|`. */
  readonly delimiter?: string;
  /**
   * The decimal separator: '.' (`6.5`) or ',' (`6,5`). Default: sniffed from the first lines (a
   * comma when a column holds only numbers written with one; see sniffDecimal).
   */
  readonly decimal?: Decimal;
  /** A name for the text in errors and in a classifier's summary, e.g. the uploaded file's name. */
  readonly file?: string;
}

/** CSV text read into columns: the features as a Table, the target as class indices. */
export interface CsvTable extends LabelledTable {
  readonly file?: string;
  readonly delimiter: string;
  readonly decimal: Decimal;
  readonly warnings: readonly DataWarning[];
}

/**
 * Reads CSV text with a header row into columnar storage, in any runtime (a browser upload, a
 * fetch, a test): the same table as Node's `readCsv(path)` gives for a file holding the text.
 * Numeric and boolean columns become Float32Array, categorical columns Int32Array codes plus a
 * category list, the target class indices. Column kinds are inferred unless given in
 * `columnTypes`; the target is the column named by `target`, else `label`, else the last
 * (`target: null` reads every column as a feature). Every problem is a DataError naming the
 * line, column and value; `table.warnings` says what may not be meant (a decimal comma was
 * detected, a column of numbers became categories). `hint` names the options in messages.
 *
 *   const table = nn.data.parseCsv(await file.text(), { target: 'churned', file: file.name });
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}, hint: HintWriter = libraryHint): CsvTable {
  const file = options.file;
  const where = file ?? 'The data';
  if (options.delimiter !== undefined) checkDelimiter(options.delimiter);
  if (isBlankCsv(text)) throw emptyCsvError(where, file);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const missing = new MissingValues(options.missingValues ?? DEFAULT_MISSING_VALUES);
  const sniffed = options.decimal === undefined ? sniffDecimal(text.slice(0, SNIFF_LENGTH), delimiter, missing) : { decimal: options.decimal };
  const decimal = sniffed.decimal;
  let builder: TableBuilder | undefined;
  const onRecord = (record: string[], line: number) => {
    if (builder === undefined) builder = new TableBuilder(record, { ...options, decimal }, file, Math.max(0, countLines(text) - 1), hint);
    else builder.add(record, line);
  };
  try {
    parse(text, csvParseOptions(delimiter, onRecord));
  } catch (error) {
    if (error instanceof NnkitError) throw error;
    if (error instanceof CsvError) throw csvSyntaxError(error as CsvError & { lines?: unknown }, where, file);
    throw error;
  }
  if (builder === undefined) throw emptyCsvError(where, file);
  const table = builder.finish();
  const note = decimalCommaNote(sniffed, hint);
  return { ...(file === undefined ? {} : { file }), delimiter, decimal, ...table, warnings: [...(note ? [note] : []), ...(table.warnings ?? [])] };
}

/** Line feeds, plus a last line without one: sizes the columns once, as readCsv's count does. */
function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}
