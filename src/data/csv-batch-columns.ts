import { CategoryCodes } from './category-codes.js';
import type { Column, ColumnType, Decimal, Table } from './table.js';

/** How CsvTableBatches reads a CSV file whose column kinds are known (a trained model's). */
export interface CsvTableBatchOptions {
  /** The delimiter: one ASCII character. */
  readonly delimiter: string;
  /** The kind of each column a model reads; other columns are kept as their cells' exact text. */
  readonly columnTypes: Readonly<Record<string, ColumnType>>;
  /** Tokens read as missing values in the typed columns (the training data's). */
  readonly missingValues: readonly string[];
  readonly decimal: Decimal;
  /** Rows per batch. */
  readonly batchSize: number;
  /**
   * Columns whose cells' exact text is kept too, in the batch's `texts` (e.g. identifiers copied
   * into predictions). A column named here and not in columnTypes is in `texts` only.
   */
  readonly keepText?: readonly string[];
  /** Names the source in messages. */
  readonly file: string;
}

/**
 * One batch of rows as a table: the typed columns as the model was trained (numbers straight from
 * the bytes, missing as NaN or -1), every other column as categories holding each cell's exact
 * text (nothing read as missing). `lines` gives each row's line in the file.
 */
export interface CsvTableBatch extends Table {
  readonly header: readonly string[];
  readonly lines: Int32Array;
  readonly file: string;
  /** The cells' text of the keepText columns, by name. */
  readonly texts: Readonly<Record<string, readonly string[]>>;
}

/** A column's reading: typed as the model reads it, or text. 'ignore' columns are skipped. */
export type Plan = 'numeric' | 'boolean' | 'categorical' | 'text' | 'skip';

/** The columns of the batch CsvTableBatches is filling: typed arrays, codes per batch, kept text. */
export class BatchColumns {
  rows = 0;
  /** The index of the batch's first row in the file's rows. */
  readonly first: number;
  readonly values: (Float32Array | undefined)[];
  readonly codes: (Int32Array | undefined)[];
  readonly lines: Int32Array;
  /** The text of each keepText column's cells. */
  readonly texts: string[][];
  private readonly textColumns: readonly number[];
  private readonly header: readonly string[];
  private readonly plans: readonly Plan[];
  private readonly options: CsvTableBatchOptions;
  private readonly categories: CategoryCodes[];
  private readonly missing: number[];

  constructor(header: readonly string[], plans: readonly Plan[], textColumns: readonly number[], options: CsvTableBatchOptions, first: number) {
    const size = options.batchSize;
    this.header = header;
    this.plans = plans;
    this.options = options;
    this.first = first;
    this.values = plans.map((plan) => (plan === 'numeric' || plan === 'boolean' ? new Float32Array(size) : undefined));
    this.codes = plans.map((plan) => (plan === 'categorical' || plan === 'text' ? new Int32Array(size) : undefined));
    this.lines = new Int32Array(size);
    this.textColumns = textColumns;
    this.texts = textColumns.map(() => new Array<string>(size));
    this.categories = plans.map(() => new CategoryCodes());
    this.missing = plans.map(() => 0);
  }

  /** Counts a missing value of column c and returns NaN. */
  missingValue(c: number): number {
    this.missing[c]++;
    return NaN;
  }

  /** The batch's code of `text` in column c (-1 for null, a missing value). */
  code(c: number, text: string | null): number {
    if (text === null) {
      this.missing[c]++;
      return -1;
    }
    return this.categories[c].add(text);
  }

  take(): CsvTableBatch {
    const rows = this.rows;
    const columns: Column[] = [];
    this.plans.forEach((plan, c) => {
      const name = this.header[c];
      const missing = this.missing[c];
      if (plan === 'numeric' || plan === 'boolean') columns.push({ name, kind: plan, values: this.values[c]!.subarray(0, rows), missing });
      else if (plan !== 'skip') {
        columns.push({ name, kind: 'categorical', codes: this.codes[c]!.subarray(0, rows), categories: this.categories[c].texts, counts: this.categories[c].counts, missing });
      }
    });
    const { missingValues, decimal, file } = this.options;
    const texts = Object.fromEntries(this.textColumns.map((c, k) => [this.header[c], this.texts[k].slice(0, rows)]));
    return { header: this.header, rows, columns, missingValues, decimal, lines: this.lines.subarray(0, rows), file, texts };
  }
}
