import { ConfigError, DataError, show } from '../errors.js';

/**
 * How nnkit reads every CSV, from a file (Node's readCsv, streaming) or from a string (parseCsv,
 * any runtime): the same csv-parse options, the same first-line numbers for records, the same
 * errors. Both readers share this file so that a table never depends on where its text came from.
 */

/** What csv-parse tells `on_record` about where a record ends. */
export interface CsvRecordInfo {
  /** The line the record ends on (a quoted field can span lines). */
  readonly lines: number;
  /** Empty lines skipped so far. */
  readonly empty_lines: number;
}

/** A csv-parse error: a code such as CSV_QUOTE_NOT_CLOSED, its message, the line it stopped at. */
export interface CsvParseFailure {
  readonly code: string;
  readonly message: string;
  readonly lines?: unknown;
}

/**
 * csv-parse's options: BOM removed, fields trimmed, stray quotes inside unquoted fields kept,
 * empty lines skipped; ragged rows reach `onRecord` so that the table reports them with the line.
 * `onRecord(record, line)` gets each record with its first line (the header is line 1) and may
 * return a value to emit (null emits nothing).
 */
export function csvParseOptions(delimiter: string, onRecord: (record: string[], line: number) => unknown) {
  let previousEnd = 0;
  let previousEmpty = 0;
  return {
    delimiter,
    bom: true,
    trim: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: string[], context: CsvRecordInfo) => {
      // NOTE: csv-parse reports the line a record ends on; a quoted field can span lines, so the
      // first line is one past the previous record's end plus the empty lines skipped between.
      const line = previousEnd + 1 + (context.empty_lines - previousEmpty);
      previousEnd = context.lines;
      previousEmpty = context.empty_lines;
      // NOTE: a line of only spaces trims to one empty field; skip it like an empty line.
      if (record.length === 1 && record[0] === '') return null;
      return (onRecord(record, line) ?? null) as string[] | null;
    },
  };
}

/** A csv-parse failure as a DataError naming the source (`where`) and line, with the fix. */
export function csvSyntaxError(error: CsvParseFailure, where: string, file?: string): DataError {
  const line = typeof error.lines === 'number' ? error.lines : undefined;
  const quoting = 'quote the whole field and double any quote inside it ("")';
  const fixes: Partial<Record<string, string>> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed; add the closing double quote',
    CSV_INVALID_CLOSING_QUOTE: `a closing double quote is followed by more text; ${quoting}`,
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: `a closing double quote is followed by more text; ${quoting}`,
    INVALID_OPENING_QUOTE: `a double quote opens in the middle of a field; ${quoting}`,
    CSV_MAX_RECORD_SIZE: 'a record is too long; check the delimiter option and the quotes',
  };
  const fix = fixes[error.code] ?? 'check the quoting and the delimiter';
  return new DataError(
    'data/csv-syntax',
    `${where}${line === undefined ? '' : `, line ${line}`}: the CSV cannot be parsed (${error.message}); ${fix}.`,
    { file, line },
  );
}

/** The error for a source with no header row (`where` names it). */
export function emptyCsvError(where: string, file?: string): DataError {
  return new DataError('data/empty-file', `${where} is empty; a CSV file needs a header row naming the columns, then data rows.`, {
    file,
    line: 1,
  });
}

/** Whether text holds nothing but a byte-order mark and whitespace. */
export function isBlankCsv(start: string): boolean {
  return start.replace(/^\ufeff/, '').trim() === '';
}

/** Refuses delimiters csv-parse cannot split on. */
export function checkDelimiter(delimiter: unknown): void {
  if (typeof delimiter !== 'string' || delimiter.length === 0 || /["\r\n]/.test(delimiter)) {
    throw new ConfigError(
      'config/delimiter',
      `The delimiter must be a non-empty string without quotes or line breaks but is ${show(delimiter)}; use e.g. ",", ";", "\\t" or "|".`,
    );
  }
}
