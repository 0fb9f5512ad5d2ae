// The reference CSV reader: csv-parse's browser build (it runs in any runtime) with nnkit's
// options, its records turned into text cells for the TableBuilder. parseCsv, readCsv and the
// Node reader use the byte tokenizer (csv-tokenizer.ts), which is tested to give this reader's
// table or error on random and hostile input; the byte reader also falls back on it for a
// delimiter of several characters.
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { NnkitError } from '../errors.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { checkDelimiter, csvParseOptions, csvSyntaxError, emptyCsvError, isBlankCsv } from './parse-csv-rules.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import { decimalCommaNote, sniffDecimal, SNIFF_LENGTH } from './sniff-decimal.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import type { CsvTable, ParseCsvOptions } from './csv-table.js';
import { TableBuilder } from './table-builder.js';

/**
 * parseCsv through csv-parse, one JavaScript string per field: the reference the byte reader is
 * tested against. Reads CSV text with a header row into columnar storage.
 * Numeric and boolean columns become Float32Array, categorical columns Int32Array codes plus a
 * category list, the target class indices. Column kinds are inferred unless given in
 * `columnTypes`; the target is the column named by `target`, else `label`, else the last
 * (`target: null` reads every column as a feature). Every problem is a DataError naming the
 * line, column and value; `table.warnings` says what may not be meant (a decimal comma was
 * detected, a column of numbers became categories). `hint` names the options in messages.
 */
export function parseCsvReference(text: string, options: ParseCsvOptions = {}, hint: HintWriter = libraryHint): CsvTable {
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
