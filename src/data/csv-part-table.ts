import type { CsvBytesTable } from './csv-bytes-table.js';
import { CsvRecordCells } from './csv-record-cells.js';
import { libraryHint } from './option-hint.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import { TableBuilder, type TableOptions } from './table-builder.js';
import type { StorageKind, TablePart } from './table-part.js';
import type { Decimal } from './table.js';

/** What a CsvPartTable needs to read a part of a file as the reader of its start would. */
export interface CsvPartJob {
  /** The file's header, as the reader of its start read it. */
  readonly header: readonly string[];
  /** The line ending the reader of the start settled (see CsvTokenizer.boundary). */
  readonly ending: 'lf' | 'crlf';
  /** One ASCII character. */
  readonly delimiter: string;
  readonly decimal: Decimal;
  /** The table's options (plain data: they cross to a worker thread). */
  readonly options: Omit<TableOptions, 'decimal'>;
  readonly file?: string;
  /**
   * The whole file's rows (an over-estimate) and the rows before the part (likewise): the part's
   * columns are then stored in arrays for the whole file at that offset, which the reader of the
   * start takes over (ChunkedArray.appendInPlace) instead of copying the part's rows into its own.
   */
  readonly sizes?: { readonly expectedRows: number; readonly start: number };
  /**
   * With `sizes`: those arrays go in shared memory, each given here as it is made, for the reader
   * of the start to write its own rows in front as it reads them (CsvBytesTable.adopt).
   */
  readonly share?: (column: number, kind: StorageKind, whole: Float32Array | Int32Array) => void;
}

/** What the reader of a file's start gives the reader of its second part once it knows it. */
export type CsvPartStart = Omit<CsvPartJob, 'sizes' | 'file' | 'share'>;

/** A reader of a file's second part on another thread (a worker thread, a Web Worker), waiting for its job. */
export interface SecondPartReader {
  begin(job: CsvPartStart): void;
  stop(): void;
}

/**
 * Gives the reader of the second part the rest of its job once `table`, the reader of the start,
 * has read the first chunk, and returns the line ending it was given; undefined (that reader
 * stopped) when the header or the line ending are not known by then (a header longer than the
 * chunk, CR line endings): the reader of the start then reads the whole file.
 */
export function beginSecondPart(second: SecondPartReader, table: CsvBytesTable, options: TableOptions): 'lf' | 'crlf' | undefined {
  const { header, lineEnding: ending } = table;
  if (header === undefined || ending === undefined) {
    second.stop();
    return undefined;
  }
  second.begin({ header, ending, delimiter: table.delimiter, decimal: table.decimal, options: tableOptions(options) });
  return ending;
}

/** The table options of `options`, without what cannot cross to another thread (callbacks). */
export function tableOptions(options: TableOptions): Omit<TableOptions, 'decimal'> {
  const { target, positive, allowOneClass, missingValues, columnTypes } = options;
  return { target, positive, allowOneClass, missingValues, columnTypes };
}

/**
 * Reads the records of a file that follow a record boundary (bytes pushed in chunks of any size)
 * into a TablePart, for the reader of the file's start to merge (CsvBytesTable.merge). Lines
 * count from the boundary. Any error is thrown as it stands; the caller then reads these bytes
 * itself, which gives the error its place in the whole file.
 */
export class CsvPartTable {
  private readonly builder: TableBuilder;
  private readonly tokenizer: CsvTokenizer;

  constructor(job: CsvPartJob) {
    const missing = new MissingValues(job.options.missingValues ?? DEFAULT_MISSING_VALUES);
    const cells = new CsvRecordCells(job.decimal, missing);
    const { expectedRows, start } = job.sizes ?? {};
    const layout = start === undefined ? undefined : { start, share: job.share };
    const builder = new TableBuilder(job.header, { ...job.options, decimal: job.decimal }, job.file, expectedRows, libraryHint, layout);
    this.builder = builder;
    this.tokenizer = new CsvTokenizer(job.delimiter.charCodeAt(0), cells, (record, line) => builder.addCells(record, line), job.file ?? 'The data', job.file);
    this.tokenizer.continueAfter(job.ending);
  }

  /** Records read so far. */
  get rows(): number {
    return this.builder.rows;
  }

  push(chunk: Uint8Array): void {
    this.tokenizer.push(chunk);
  }

  /** Reads the last record and returns the part. */
  end(): TablePart {
    this.tokenizer.end();
    return this.builder.part();
  }
}
