import { DataError, show } from '../errors.js';
import type { RecordCells } from './column-builder.js';
import { CsvCellBatch } from './csv-cell-batches.js';
import { MissingValues, numberParser, parseBoolean } from './parse-value.js';
import { Preprocessor, DEFAULT_MAX_CATEGORIES, DEFAULT_MIN_FREQUENCY } from './preprocessor.js';
import type { FeatureColumnConfig, PreprocessorConfig } from './preprocessor-config.js';
import type { ColumnType, Decimal, RawColumns } from './table.js';

export interface TableScanOptions {
  /** Columns that are not features (the target). */
  readonly exclude?: readonly string[];
  /** Kinds to use instead of inferring them; 'ignore' leaves a column out. */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  readonly missingValues?: readonly string[];
  readonly decimal?: Decimal;
}

/** Distinct values a column may show before it must have settled as numeric (then not counted). */
const MAX_DISTINCT = 1000;
/** Distinct values a categorical column may hold (an identifier column is one to ignore). */
const MAX_CATEGORIES_SEEN = 100_000;

interface ColumnState {
  readonly name: string;
  readonly index: number;
  /** Forced by columnTypes, else inferred: numeric until a value does not parse. */
  kind: 'numeric' | 'categorical' | 'boolean';
  readonly forced: boolean;
  present: number;
  missing: number;
  mean: number;
  /** Σ (value − mean)² so far (Welford's update, float64). */
  m2: number;
  /** Rows per distinct text, kept while there are at most MAX_DISTINCT. */
  counts: Map<string, number> | undefined;
}

/**
 * The preprocessing statistics of a table seen a batch at a time, in one pass and constant memory
 * per column (means, variances, missing counts, category counts): `Preprocessor.fit`'s work for
 * a file that does not fit in memory. A column is numeric while every value it holds parses as a
 * number (as the CSV reader infers), categorical otherwise; columnTypes settles it instead.
 *
 *   const scan = new TableScan({ exclude: ['label'] });
 *   for await (const batch of readCsvBatches('big.csv')) scan.add(batch);
 *   const preprocessor = scan.preprocessor();
 */
export class TableScan {
  private readonly options: TableScanOptions;
  private readonly missing: MissingValues;
  private readonly parse: (text: string) => number;
  private columns: ColumnState[] | undefined;
  private names: readonly string[] = [];
  rows = 0;

  constructor(options: TableScanOptions = {}) {
    this.options = options;
    this.missing = new MissingValues(options.missingValues);
    this.parse = numberParser(options.decimal);
  }

  /**
   * Adds a batch's rows (only rows r where `keep(r)` when given). A CsvCellBatch read with this
   * scan's decimal separator and missing values gives the same statistics with no text made for
   * a number once its column has shown too many distinct values to count them (see addField).
   */
  add(batch: RawColumns, keep?: (row: number) => boolean): void {
    const columns = (this.columns ??= this.start(batch.names));
    const fields = batch instanceof CsvCellBatch && this.reads(batch) ? batch.cells : undefined;
    for (const column of columns) {
      const cells = fields === undefined ? batch.columns[column.index] : undefined;
      for (let r = 0; r < batch.rows; r++) {
        if (keep !== undefined && !keep(r)) continue;
        if (cells !== undefined) this.addCell(column, cells[r], batch, r);
        else this.addField(column, fields!, r * batch.names.length + column.index, batch, r);
      }
    }
    for (let r = 0; r < batch.rows; r++) if (keep === undefined || keep(r)) this.rows++;
  }

  /** The fitted Preprocessor, as Preprocessor.fit would fit it on the rows added. */
  preprocessor(policy: { maxCategories?: number; minFrequency?: number } = {}): Preprocessor {
    const maxCategories = policy.maxCategories ?? DEFAULT_MAX_CATEGORIES;
    const minFrequency = policy.minFrequency ?? DEFAULT_MIN_FREQUENCY;
    const columns = (this.columns ?? []).map((column) => configOf(column, maxCategories, minFrequency));
    const ignored = this.names.filter((name) => this.options.columnTypes?.[name] === 'ignore');
    const config: PreprocessorConfig = {
      format: 'nnkit.preprocessor',
      version: 2,
      missingValues: [...this.missing.tokens],
      decimal: this.options.decimal ?? '.',
      ignoredColumns: ignored,
      categoryPolicy: { maxCategories, minFrequency },
      columns,
    };
    return Preprocessor.fromConfig(config);
  }

  private start(names: readonly string[]): ColumnState[] {
    this.names = names;
    const excluded = new Set(this.options.exclude ?? []);
    const types = this.options.columnTypes ?? {};
    return names.flatMap((name, index) => {
      const type = types[name];
      if (excluded.has(name) || type === 'ignore') return [];
      const kind = type ?? 'numeric';
      return [{ name, index, kind, forced: type !== undefined, present: 0, missing: 0, mean: 0, m2: 0, counts: new Map<string, number>() }];
    });
  }

  /** Whether the batch's cells read numbers and missing values as this scan does. */
  private reads(batch: CsvCellBatch): boolean {
    const tokens = batch.cells.missingTokens;
    return batch.cells.decimal === (this.options.decimal ?? '.') && tokens.length === this.missing.tokens.length && tokens.every((token, i) => token === this.missing.tokens[i]);
  }

  /**
   * addCell of a CsvCellBatch's field: the text is made only where addCell needs it (a missing
   * value, a counted or categorical or boolean column, a cell that is no number). NOTE: the
   * field's number is its text's as this scan parses it, and a field that cannot be a
   * missing-value token is not one (RecordCells' contract), so the outcome is addCell's.
   */
  private addField(column: ColumnState, cells: RecordCells, index: number, batch: RawColumns, row: number): void {
    if (column.counts !== undefined || column.kind !== 'numeric' || cells.mayBeMissing(index)) {
      this.addCell(column, cells.text(index), batch, row);
      return;
    }
    const value = Math.fround(cells.number(index));
    if (Number.isNaN(value)) this.addCell(column, cells.text(index), batch, row);
    else welford(column, value);
  }

  private addCell(column: ColumnState, text: string, batch: RawColumns, row: number): void {
    if (this.missing.has(text)) {
      column.missing++;
      return;
    }
    if (column.counts !== undefined) {
      column.counts.set(text, (column.counts.get(text) ?? 0) + 1);
      if (column.counts.size > MAX_DISTINCT && column.kind === 'numeric') column.counts = undefined;
      else if (column.counts.size > MAX_CATEGORIES_SEEN) {
        throw new DataError(
          'data/too-many-categories',
          `${where(batch, row)}: column ${JSON.stringify(column.name)} holds more than ${MAX_CATEGORIES_SEEN.toLocaleString('en-US')} distinct values; ` +
            'it looks like an identifier: ignore it (column type ignore).',
        );
      }
    }
    if (column.kind === 'categorical') return;
    const value = Math.fround(column.kind === 'boolean' ? parseBoolean(text) : this.parse(text));
    if (Number.isNaN(value)) {
      if (column.forced) {
        throw new DataError('data/not-a-number', `${where(batch, row)}, column ${JSON.stringify(column.name)}: ${show(text)} is not a ${column.kind} value.`);
      }
      if (column.counts === undefined) {
        throw new DataError(
          'data/late-text',
          `${where(batch, row)}, column ${JSON.stringify(column.name)}: ${show(text)} is text in a column whose first ${MAX_DISTINCT.toLocaleString('en-US')} ` +
            'distinct values were numbers; fix the value, or read the column as categorical (column type categorical).',
        );
      }
      column.kind = 'categorical';
      return;
    }
    welford(column, value);
  }
}

/** Welford's update: the mean and Σ (x − mean)² in one pass. */
function welford(column: ColumnState, value: number): void {
  column.present++;
  const delta = value - column.mean;
  column.mean += delta / column.present;
  column.m2 += delta * (value - column.mean);
}

function where(batch: RawColumns, row: number): string {
  const line = batch.lines?.[row];
  return `${batch.file ?? 'the data'}${line === undefined ? '' : `, line ${line}`}`;
}

/** A column's config from its statistics, by the rules of fitColumn (preprocessor-fit.ts). */
function configOf(column: ColumnState, maxCategories: number, minFrequency: number): FeatureColumnConfig {
  const name = column.name;
  if (column.kind === 'categorical') {
    const seen = [...column.counts!].map(([category, count]) => ({ category, count }));
    seen.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
    const categories = seen.filter((entry) => entry.count >= minFrequency).slice(0, maxCategories).map((entry) => entry.category);
    return { name, kind: 'categorical', categories, other: seen.length > categories.length, missingSlot: column.missing > 0, fill: null };
  }
  const indicator = column.missing > 0;
  if (column.kind === 'boolean') return { name, kind: 'boolean', fill: column.mean >= 0.5 ? 1 : 0, indicator };
  const std = column.present > 0 ? Math.sqrt(column.m2 / column.present) : 0;
  return { name, kind: 'numeric', mean: column.mean, std: std > 0 ? std : 1, indicator };
}
