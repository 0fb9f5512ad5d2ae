import { CsvBytesTable } from './csv-bytes-table.js';
import type { CsvTable, ParseCsvOptions } from './csv-table.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { checkDelimiter, emptyCsvError, isBlankCsv } from './parse-csv-rules.js';
import { SNIFF_LENGTH } from './sniff-decimal.js';
import { sniffDelimiter } from './sniff-delimiter.js';

export type { CsvTable, ParseCsvOptions } from './csv-table.js';

/** Characters encoded to UTF-8 at a time, so a long text is never copied whole. */
const ENCODE_CHARACTERS = 1 << 20;

/**
 * Reads CSV text with a header row into columnar storage, in any runtime (a browser upload, a
 * fetch, a test): the same table as `readCsv` gives for a file or a Blob holding the text.
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
  if (options.delimiter !== undefined) checkDelimiter(options.delimiter);
  if (isBlankCsv(text)) throw emptyCsvError(file ?? 'The data', file);
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const table = new CsvBytesTable(text.slice(0, SNIFF_LENGTH), { ...options, delimiter }, hint, Math.max(0, countLines(text) - 1));
  const encoder = new TextEncoder();
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + ENCODE_CHARACTERS);
    // NOTE: never between the two halves of a surrogate pair, which would encode as two U+FFFD.
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    table.push(encoder.encode(text.slice(start, end)));
    start = end;
  }
  return table.end();
}

/** Line feeds, plus a last line without one: sizes the columns once, as readCsv's count does. */
function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}
