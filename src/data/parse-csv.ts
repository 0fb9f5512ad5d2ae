// NOTE: csv-parse's browser build, not its Node entry: it runs in any runtime (it carries its
// own small Buffer, so it needs neither node:* modules nor a global Buffer) and it is the same
// parser, version and options as readCsv's, so a string and a file give the same table and the
// same errors (line numbers, csv-parse's messages). A tokenizer of ours would have to copy
// csv-parse's trimming, relaxed quotes and error wording exactly to promise that.
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { NnkitError } from '../errors.js';
import { checkDelimiter, csvParseOptions, csvSyntaxError, emptyCsvError, isBlankCsv } from './parse-csv-rules.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { TableBuilder, type LabelledTable, type TableOptions } from './table-builder.js';

export interface ParseCsvOptions extends TableOptions {
  /** The field delimiter. Default: sniffed from the header line among `,` `;` tab and `|`. */
  readonly delimiter?: string;
  /** A name for the text in errors and in a classifier's summary, e.g. the uploaded file's name. */
  readonly file?: string;
}

/** CSV text read into columns: the features as a Table, the target as class indices. */
export interface CsvTable extends LabelledTable {
  readonly file?: string;
  readonly delimiter: string;
}

/**
 * Reads CSV text with a header row into columnar storage, in any runtime (a browser upload, a
 * fetch, a test): the same table as Node's `readCsv(path)` gives for a file holding the text.
 * Numeric and boolean columns become Float32Array, categorical columns Int32Array codes plus a
 * category list, the target class indices. Column kinds are inferred unless given in
 * `columnTypes`; the target is the column named by `target`, else `label`, else the last
 * (`target: null` reads every column as a feature). Every problem is a DataError naming the
 * line, column and value.
 *
 *   const table = nn.data.parseCsv(await file.text(), { target: 'churned', file: file.name });
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  const file = options.file;
  const where = file ?? 'The data';
  if (options.delimiter !== undefined) checkDelimiter(options.delimiter);
  if (isBlankCsv(text)) throw emptyCsvError(where, file);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  let builder: TableBuilder | undefined;
  const onRecord = (record: string[], line: number) => {
    if (builder === undefined) builder = new TableBuilder(record, options, file, Math.max(0, countLines(text) - 1));
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
  return { ...(file === undefined ? {} : { file }), delimiter, ...builder.finish() };
}

/** Line feeds, plus a last line without one: sizes the columns once, as readCsv's count does. */
function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}
