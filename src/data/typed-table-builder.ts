import { DataError } from '../errors.js';
import { ColumnBuilder } from './column-builder.js';
import type { DataWarning } from './data-warning.js';
import { numericLookingWarning } from './numeric-looking.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import type { Column, ColumnKind } from './table.js';
import { TableBuilder, type LabelledTable, type TableOptions } from './table-builder.js';
import { TargetBuilder } from './target-builder.js';
import { TypedColumn, type TypedField } from './typed-column.js';

/** A field whose source type nnkit has no kind for (a timestamp, a list...): `kind` undefined. */
export type SourceField = Omit<TypedField, 'kind'> & { readonly kind: ColumnKind | undefined };

/**
 * Builds a LabelledTable from typed columns (Parquet, Arrow) fed in chunks, taking each column's
 * kind from the source's schema instead of inferring it from text. The options, the target and
 * every error about them are those of the CSV reader's TableBuilder, so a Parquet file and the
 * CSV it came from give one table. `columnTypes` still wins over the schema: a column forced to
 * another kind is read through its values' text, as a CSV cell would be.
 */
export class TypedTableBuilder {
  /** The columns to read from the source (the target and every column not ignored). */
  readonly wanted: readonly string[];
  private readonly file: string | undefined;
  private readonly rows: number;
  private readonly header: TableBuilder;
  private readonly options: TableOptions;
  private readonly hint: HintWriter;
  private readonly target: TargetBuilder | undefined;
  private readonly columns = new Map<string, TypedColumn | ColumnBuilder | TargetBuilder>();

  constructor(fields: readonly SourceField[], rows: number, options: TableOptions = {}, file?: string, hint: HintWriter = libraryHint) {
    this.file = file;
    this.rows = rows;
    this.options = options;
    this.hint = hint;
    const names = fields.map((field) => field.name);
    // NOTE: the CSV builder, given the header and no rows, checks the names, the target, the
    // positive class and columnTypes, so both readers fail the same way on the same mistakes.
    this.header = new TableBuilder(names, options, file, 0, hint);
    const targetName = findTarget(names, options.target);
    const missing = new MissingValues(options.missingValues ?? DEFAULT_MISSING_VALUES);
    const types = options.columnTypes ?? {};
    for (const field of fields) {
      const forced = types[field.name];
      if (field.name === targetName) this.columns.set(field.name, new TargetBuilder(field.name, missing, file, rows));
      else if (forced === 'ignore') continue;
      else if (forced !== undefined && forced !== field.kind) {
        const source = { file, missing, expectedRows: rows, decimal: '.' as const, hint };
        this.columns.set(field.name, new ColumnBuilder(field.name, source, forced));
      } else if (field.kind === undefined) throw unsupported(field, file, hint);
      else this.columns.set(field.name, new TypedColumn({ ...field, kind: field.kind }, rows, { file, missing, hint }));
    }
    this.target = targetName === undefined ? undefined : (this.columns.get(targetName) as TargetBuilder);
    this.wanted = [...this.columns.keys()];
  }

  /** Adds the values of column `name` for rows rowStart, rowStart + 1, ... */
  add(name: string, rowStart: number, values: ArrayLike<unknown>): void {
    const column = this.columns.get(name);
    if (column instanceof TypedColumn) return column.add(rowStart, values);
    // NOTE: the text readers count lines from the header (line 1); a row's "line" here is its
    // row number from 1, which is what a Parquet or Arrow viewer shows.
    for (let i = 0; i < values.length; i++) column?.add(cellText(values[i]), rowStart + i + 1);
  }

  finish(): LabelledTable & { readonly warnings: readonly DataWarning[] } {
    if (this.rows === 0) this.header.finish();
    const target = this.target?.finish(this.options.positive, this.options.allowOneClass ?? false);
    const columns: Column[] = [];
    for (const column of this.columns.values()) if (column !== this.target) columns.push((column as TypedColumn | ColumnBuilder).finish());
    const types = this.options.columnTypes ?? {};
    const warnings: DataWarning[] = [];
    for (const column of columns) {
      if (column.kind !== 'categorical' || types[column.name] !== undefined) continue;
      const warning = numericLookingWarning(column, '.', this.hint);
      if (warning !== undefined) warnings.push(warning);
    }
    const ignoredColumns = this.header.header.filter((name) => types[name] === 'ignore');
    const missingValues = new MissingValues(this.options.missingValues ?? DEFAULT_MISSING_VALUES).tokens;
    return {
      header: this.header.header,
      rows: this.rows,
      features: { rows: this.rows, columns, missingValues, decimal: '.', ignoredColumns },
      target,
      warnings,
    };
  }
}

/** The target's name as TableBuilder chooses it (which has already checked it exists). */
function findTarget(names: readonly string[], target: string | null | undefined): string | undefined {
  if (target === null) return undefined;
  if (target !== undefined) return target;
  return names.includes('label') ? 'label' : names[names.length - 1];
}

/** A value as the text of a CSV cell: '' when missing, 'true' / 'false', a number's shortest form. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value === value ? String(value) : '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function unsupported(field: SourceField, file: string | undefined, hint: HintWriter): DataError {
  return new DataError(
    'data/unsupported-type',
    `${file ?? 'The data'}: column ${JSON.stringify(field.name)} is of type ${field.detail}, which nnkit cannot read as a ` +
      `feature (it reads numbers, strings and booleans). Leave it out with ${hint({ option: 'columnTypes', column: field.name, type: 'ignore' })}, ` +
      `or read its values as categories with ${hint({ option: 'columnTypes', column: field.name, type: 'categorical' })}.`,
    { file, column: field.name },
  );
}
