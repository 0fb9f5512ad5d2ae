import { DataError, show } from '../errors.js';

/**
 * Columnar tables: one typed array per column, never arrays of row objects, so a million-row file
 * costs 4 bytes per cell. Missing values are NaN in float columns and -1 in category codes.
 */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean';

export const COLUMN_KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean'];

/** What a reader may be told a column is: a kind, or 'ignore' (read past, never a feature). */
export type ColumnType = ColumnKind | 'ignore';

export const COLUMN_TYPES: readonly ColumnType[] = [...COLUMN_KINDS, 'ignore'];

/** The decimal separator of numbers in the text: `6.5` or `6,5`. */
export type Decimal = '.' | ',';

export interface NumericColumn {
  readonly name: string;
  readonly kind: 'numeric';
  /** One value per row (rows); NaN marks a missing value. */
  readonly values: Float32Array;
  /** How many rows are missing. */
  readonly missing: number;
}

export interface BooleanColumn {
  readonly name: string;
  readonly kind: 'boolean';
  /** 1 (true / yes), 0 (false / no) or NaN (missing), one per row (rows). */
  readonly values: Float32Array;
  readonly missing: number;
}

export interface CategoricalColumn {
  readonly name: string;
  readonly kind: 'categorical';
  /** Index into `categories` per row (rows); -1 marks a missing value. */
  readonly codes: Int32Array;
  /** The distinct values in order of first appearance. */
  readonly categories: readonly string[];
  /** Rows per category, parallel to `categories`. */
  readonly counts: readonly number[];
  readonly missing: number;
}

export type Column = NumericColumn | BooleanColumn | CategoricalColumn;

export interface Table {
  readonly rows: number;
  readonly columns: readonly Column[];
  /** The tokens that were read as missing values (kept so predict reads raw rows the same way). */
  readonly missingValues?: readonly string[];
  /** The decimal separator numbers were read with (kept for the same reason). Default '.'. */
  readonly decimal?: Decimal;
  /** Columns of the source that were ignored as asked (columnTypes 'ignore'), in source order. */
  readonly ignoredColumns?: readonly string[];
}

/**
 * Raw text cells, column by column, as the streaming CSV reader yields them and as the
 * Preprocessor reads them at predict time. `lines` (rows) locates each row in `file` for errors.
 */
export interface RawColumns {
  readonly names: readonly string[];
  /** columns[c][r] is the text of row r in column names[c]. */
  readonly columns: readonly (readonly string[])[];
  readonly rows: number;
  readonly lines?: ArrayLike<number>;
  readonly file?: string;
}

/** Finds a column by name, or throws a DataError listing the columns there are. */
export function getColumn(table: Table, name: string): Column {
  const found = table.columns.find((column) => column.name === name);
  if (found === undefined) {
    throw new DataError(
      'data/unknown-column',
      `There is no column named ${JSON.stringify(name)}; the columns are ${listNames(table.columns.map((c) => c.name))}. ` +
        'Check the spelling (names are case-sensitive).',
      { column: name },
    );
  }
  return found;
}

/** Builds RawColumns from a header and rows of text cells (rows of equal length). */
export function rawColumnsFromRows(names: readonly string[], rows: readonly (readonly string[])[]): RawColumns {
  const columns = names.map(() => new Array<string>(rows.length));
  rows.forEach((row, r) => {
    if (row.length !== names.length) {
      throw new DataError(
        'data/ragged-row',
        `Row ${r} has ${row.length} values but the header has ${names.length} columns; give every row one value per column.`,
        { row: r },
      );
    }
    for (let c = 0; c < names.length; c++) columns[c][r] = row[c];
  });
  return { names, columns, rows: rows.length };
}

/** "a", "b" and "c" (at most 20 names, then a count), for error messages. */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((name) => show(name));
  const more = names.length > 20 ? ` and ${names.length - 20} more` : '';
  return shown.join(', ') + more;
}
