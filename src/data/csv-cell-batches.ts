import { DataError } from '../errors.js';
import { CsvRecordCells } from './csv-record-cells.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { MissingValues } from './parse-value.js';
import { checkHeader } from './table-builder.js';
import type { Decimal, RawColumns } from './table.js';

/**
 * A batch of CSV records kept as their fields' bytes, read as RawColumns: a column's texts are
 * made when `columns[c]` is first read, and TableScan reads numbers straight from `cells`. What
 * a first pass over a large file yields (kind inference, see trainClassifierFile), where a text
 * per cell would cost ten times the parse.
 */
export class CsvCellBatch implements RawColumns {
  readonly names: readonly string[];
  readonly rows: number;
  readonly lines: Int32Array;
  readonly file: string;
  /** Row r's cell c is field r × names.length + c, read with the batch's decimal and missing values. */
  readonly cells: CsvRecordCells;
  readonly columns: readonly (readonly string[])[];

  constructor(names: readonly string[], rows: number, lines: Int32Array, file: string, cells: CsvRecordCells) {
    [this.names, this.rows, this.lines, this.file, this.cells] = [names, rows, lines, file, cells];
    // NOTE: an array whose elements are made on first access, so a reader of RawColumns that
    // wants one column (the target's labels) makes the texts of that column only.
    const columns: string[][] = new Array(names.length);
    names.forEach((_, c) => {
      let texts: string[] | undefined;
      const text = () => (texts ??= Array.from({ length: rows }, (_, r) => cells.text(r * names.length + c)));
      Object.defineProperty(columns, c, { get: text, enumerable: true });
    });
    this.columns = columns;
  }
}

export interface CsvCellBatchesOptions {
  /** The delimiter's byte (one ASCII character). */
  readonly delimiter: number;
  readonly decimal: Decimal;
  readonly missingValues?: readonly string[];
  /** Records per batch. */
  readonly batchSize: number;
  /** Names the data in messages. */
  readonly file: string;
}

/**
 * Cuts CSV bytes (pushed in chunks of any size) into CsvCellBatches of `batchSize` records after
 * the header, with the records, lines and errors of readCsvBatches' text batches.
 */
export class CsvCellBatches {
  names: readonly string[] | undefined;
  private readonly options: CsvCellBatchesOptions;
  private readonly missing: MissingValues;
  private readonly tokenizer: CsvTokenizer;
  private cells: CsvRecordCells;
  private lines: Int32Array;
  private rows = 0;
  private readonly done: CsvCellBatch[] = [];
  /** The fields of batches given back (see recycle), to hold the next ones. */
  private readonly spare: CsvRecordCells[] = [];

  constructor(options: CsvCellBatchesOptions) {
    this.options = options;
    this.missing = new MissingValues(options.missingValues);
    this.cells = this.newCells();
    this.lines = new Int32Array(options.batchSize);
    const record = new CsvRecordCells(options.decimal, this.missing);
    this.tokenizer = new CsvTokenizer(options.delimiter, record, (cells, line) => this.add(cells, line), options.file, options.file);
  }

  /** Reads `chunk` (not kept) and returns the batches it completed. */
  push(chunk: Uint8Array): CsvCellBatch[] {
    this.tokenizer.push(chunk);
    return this.done.splice(0);
  }

  /** Reads the last record and returns the batches left, the last one possibly short. */
  end(): CsvCellBatch[] {
    this.tokenizer.end();
    if (this.rows > 0) this.take();
    return this.done.splice(0);
  }

  /**
   * Takes back a batch that is no longer read, so that a later batch holds its fields in the same
   * memory. NOTE: a batch of 10,000 records of 50 fields holds about 12 MB; fresh memory for
   * every batch cost more than the parse (a page fault per 4 KiB, and the growth's copies).
   */
  recycle(batch: CsvCellBatch): void {
    this.spare.push(batch.cells);
  }

  private add(record: CsvRecordCells, line: number): void {
    const { file, batchSize } = this.options;
    if (this.names === undefined) {
      this.names = checkHeader(record.textAll(), file);
      return;
    }
    if (record.length !== this.names.length) throw raggedRowError(file, line, record.length, this.names.length);
    record.appendTo(this.cells);
    this.lines[this.rows++] = line;
    if (this.rows === batchSize) this.take();
  }

  private take(): void {
    this.done.push(new CsvCellBatch(this.names!, this.rows, this.lines.subarray(0, this.rows), this.options.file, this.cells));
    this.cells = this.newCells();
    this.lines = new Int32Array(this.options.batchSize);
    this.rows = 0;
  }

  private newCells(): CsvRecordCells {
    const cells = this.spare.pop();
    cells?.clear();
    return cells ?? new CsvRecordCells(this.options.decimal, this.missing);
  }
}

/** A record with more or fewer values than the header has columns, in a batch reader's words. */
export function raggedRowError(file: string, line: number, values: number, columns: number): DataError {
  return new DataError(
    'data/ragged-row',
    `${file}, line ${line}: this row has ${values} values but the header has ${columns} columns; ` +
      'give every row one value per column (quote values that contain the delimiter).',
    { file, line },
  );
}
