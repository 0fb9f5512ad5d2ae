import { DataError, show } from '../errors.js';
import type { LabelledTable } from '../data/table-builder.js';
import type { RawColumns, Table } from '../data/table.js';

/** One row by column name: `{ age: 61, income: '40-60k', member: true, city: null }`. */
export type ObjectRow = Readonly<Record<string, unknown>>;

/** Columns by name, one value per row each: `{ age: [61, 34], income: ['40-60k', null] }`. */
export type ColumnsByName = Readonly<Record<string, readonly unknown[]>>;

/**
 * Rows a classifier takes, as raw values the saved preprocessing reads the way it read the
 * training file: objects by column name, columns by name, a readCsvBatches batch (RawColumns),
 * or a table from parseCsv / readCsv. Numbers, booleans and strings are values; null, undefined,
 * NaN and the missing tokens ('', NA, ?, …) are missing. A target column, if present, is ignored.
 */
export type ClassifierRows = readonly ObjectRow[] | ColumnsByName | RawColumns | Table | LabelledTable;

/** The rows in one of the two forms the Preprocessor transforms. */
export type RowSource = { readonly kind: 'raw'; readonly raw: RawColumns } | { readonly kind: 'table'; readonly table: Table };

/** Sorts out what `rows` is and leaves out the `target` column. */
export function rowSource(rows: ClassifierRows, target: string): RowSource {
  if (Array.isArray(rows)) return { kind: 'raw', raw: withoutColumn(fromObjects(rows as readonly ObjectRow[]), target) };
  if (typeof rows !== 'object' || rows === null) {
    throw new DataError('data/rows', `Expected rows: an array of objects by column name, columns by name or a table, but got ${show(rows)}.`);
  }
  // NOTE: columns by name hold only arrays, so a number of rows marks the other forms.
  const counted = rows as { rows?: unknown; features?: unknown; names?: unknown };
  if (typeof counted.rows === 'number') {
    if (counted.features !== undefined) return { kind: 'table', table: (rows as LabelledTable).features };
    if (Array.isArray(counted.names)) return { kind: 'raw', raw: withoutColumn(rows as RawColumns, target) };
    const table = rows as Table;
    return { kind: 'table', table: { ...table, columns: table.columns.filter((column) => column.name !== target) } };
  }
  return { kind: 'raw', raw: withoutColumn(fromColumns(rows as ColumnsByName), target) };
}

function fromObjects(rows: readonly ObjectRow[]): RawColumns {
  const names: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new DataError('data/rows', `Row ${r} is ${show(row)}; give each row as an object by column name, e.g. { age: 61 }.`, { row: r });
    }
    for (const name of Object.keys(row)) {
      if (!seen.has(name)) names.push(name);
      seen.add(name);
    }
  });
  const columns = names.map((name) => rows.map((row, r) => cellText(Object.hasOwn(row, name) ? row[name] : undefined, name, r)));
  return { names, columns, rows: rows.length };
}

function fromColumns(byName: ColumnsByName): RawColumns {
  const names = Object.keys(byName);
  const lengths = names.map((name) => {
    const values = byName[name];
    if (!Array.isArray(values)) {
      throw new DataError('data/rows', `Column ${JSON.stringify(name)} is ${show(values)}; give each column as an array of values.`, { column: name });
    }
    return values.length;
  });
  const rows = lengths[0] ?? 0;
  const ragged = lengths.findIndex((length) => length !== rows);
  if (ragged >= 0) {
    throw new DataError(
      'data/ragged-columns',
      `Column ${JSON.stringify(names[ragged])} has ${lengths[ragged]} values but ${JSON.stringify(names[0])} has ${rows}; give every column one value per row.`,
      { column: names[ragged] },
    );
  }
  return { names, columns: names.map((name) => byName[name].map((value, r) => cellText(value, name, r))), rows };
}

/** A value as the text a CSV cell would hold: '' for missing, '61', 'true', 'Paris'. */
function cellText(value: unknown, column: string, row: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DataError(
    'data/bad-value',
    `Row ${row}, column ${JSON.stringify(column)}: ${show(value)} is not a value; give a number, a string, a boolean, or null for missing.`,
    { column, row },
  );
}

/** The columns without `name` (a labelled file's target column), if they have it. */
function withoutColumn(raw: RawColumns, name: string): RawColumns {
  const index = raw.names.indexOf(name);
  if (index < 0) return raw;
  return { ...raw, names: raw.names.filter((_, c) => c !== index), columns: raw.columns.filter((_, c) => c !== index) };
}
