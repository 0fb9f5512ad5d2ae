import { libraryHint, type HintWriter } from './option-hint.js';
import { CsvRecordCells } from './csv-record-cells.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { emptyCsvError } from './parse-csv-rules.js';
import { parseCsvReference } from './parse-csv-reference.js';
import type { CsvTable, ParseCsvOptions } from './csv-table.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import { decimalCommaNote, sniffDecimal, type DecimalSniff } from './sniff-decimal.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { TableBuilder } from './table-builder.js';
import type { StorageKind, TablePart } from './table-part.js';
import type { Decimal } from './table.js';

/**
 * A CSV table built from bytes pushed in chunks of any size: the reader behind parseCsv, the
 * root's readCsv (Blob, stream, bytes) and Node's readCsv (a file). The conventions come from the
 * data's start (the first 64 KiB, decoded): the delimiter and the decimal separator, unless given.
 * Numbers go from the bytes into the Float32Array columns; text is made for text cells only.
 *
 *   const table = new CsvBytesTable(start, options); table.push(chunk) …; table.end()
 */
export class CsvBytesTable {
  readonly delimiter: string;
  private readonly options: ParseCsvOptions;
  private readonly sniffed: DecimalSniff;
  private readonly hint: HintWriter;
  private readonly expectedRows: number | undefined;
  private readonly tokenizer: CsvTokenizer | undefined;
  /** Chunks kept for csv-parse when the delimiter is not one ASCII character (rare). */
  private readonly kept: Uint8Array[] = [];
  private builder: TableBuilder | undefined;
  private records = 0;

  /**
   * `start` is the data's beginning as text (for sniffing); `expectedRows`, when known, sizes the
   * columns once. Throws the ConfigError of a bad delimiter or decimal option.
   */
  constructor(start: string, options: ParseCsvOptions = {}, hint: HintWriter = libraryHint, expectedRows?: number) {
    this.options = options;
    this.hint = hint;
    this.expectedRows = expectedRows;
    this.delimiter = options.delimiter ?? sniffDelimiter(start);
    const missing = new MissingValues(options.missingValues ?? DEFAULT_MISSING_VALUES);
    this.sniffed = options.decimal === undefined ? sniffDecimal(start, this.delimiter, missing) : { decimal: options.decimal };
    const code = this.delimiter.charCodeAt(0);
    if (this.delimiter.length !== 1 || code >= 0x80) return;
    const cells = new CsvRecordCells(this.sniffed.decimal, missing);
    const where = options.file ?? 'The data';
    this.tokenizer = new CsvTokenizer(code, cells, (record, line) => this.add(record, line), where, options.file);
  }

  /** Data rows read so far. */
  get rows(): number {
    return Math.max(0, this.records - 1);
  }

  /** The header, once its record has been read. */
  get header(): readonly string[] | undefined {
    return this.builder?.header;
  }

  /** The decimal separator numbers are read with (given or sniffed). */
  get decimal(): Decimal {
    return this.sniffed.decimal;
  }

  /** The line ending, once settled, when it is LF or CRLF (see CsvTokenizer.lineEnding). */
  get lineEnding(): 'lf' | 'crlf' | undefined {
    return this.tokenizer?.lineEnding;
  }

  /**
   * Where the bytes pushed so far end, if at a record boundary that another reader can continue
   * from (see CsvTokenizer.boundary) once the header has been read.
   */
  boundary(): { readonly lines: number; readonly ending: 'lf' | 'crlf' } | undefined {
    return this.builder === undefined ? undefined : this.tokenizer?.boundary();
  }

  /**
   * Appends the part read by a CsvPartTable from the bytes after `boundary()` (which gave
   * `lines`), as if they had been pushed here; false, changing nothing, when it cannot merge.
   */
  merge(part: TablePart, lines: number): boolean {
    if (this.builder === undefined || !this.builder.merge(part, lines)) return false;
    this.records += part.rows;
    return true;
  }

  /**
   * Stores column `column` in `whole` from here on, an array a CsvPartTable fills from row `room`
   * on (see PartLayout); nothing happens before the header is read.
   */
  adopt(column: number, kind: StorageKind, whole: Float32Array | Int32Array, room: number): void {
    this.builder?.adopt(column, kind, whole, room);
  }

  /** Reads `chunk`, keeping none of it: the caller may fill its buffer again once push returns. */
  push(chunk: Uint8Array): void {
    if (this.tokenizer === undefined) this.kept.push(new Uint8Array(chunk));
    else this.tokenizer.push(chunk);
  }

  /** Reads the last record and returns the table (or throws the data's first error). */
  end(): CsvTable {
    const { options, sniffed } = this;
    if (this.tokenizer === undefined) return this.endWithCsvParse();
    this.tokenizer.end();
    if (this.builder === undefined) throw emptyCsvError(options.file ?? 'The data', options.file);
    const table = this.builder.finish();
    const note = decimalCommaNote(sniffed, this.hint);
    const file = options.file;
    return {
      ...(file === undefined ? {} : { file }),
      delimiter: this.delimiter,
      decimal: sniffed.decimal,
      ...table,
      warnings: [...(note ? [note] : []), ...(table.warnings ?? [])],
    };
  }

  private add(cells: CsvRecordCells, line: number): void {
    this.records++;
    if (this.builder !== undefined) this.builder.addCells(cells, line);
    else {
      const options = { ...this.options, decimal: this.sniffed.decimal };
      this.builder = new TableBuilder(cells.textAll(), options, this.options.file, this.expectedRows, this.hint);
    }
  }

  /** A delimiter of several characters: csv-parse reads the whole text (kept in memory). */
  private endWithCsvParse(): CsvTable {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const text = this.kept.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
    const table = parseCsvReference(text, { ...this.options, delimiter: this.delimiter, decimal: this.sniffed.decimal }, this.hint);
    const note = decimalCommaNote(this.sniffed, this.hint);
    const warnings = table.warnings.filter((warning) => warning.code !== 'data/decimal-comma');
    return { ...table, warnings: [...(note ? [note] : []), ...warnings] };
  }
}
