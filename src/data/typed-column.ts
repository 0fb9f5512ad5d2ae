import { DataError, show } from '../errors.js';
import type { HintWriter } from './option-hint.js';
import { fitsFloat32, type MissingValues } from './parse-value.js';
import type { Column, ColumnKind } from './table.js';
import { CategoryCodes } from './category-codes.js';

/**
 * One column of a typed source (a Parquet file, an Arrow table) as its schema declares it:
 * 'numeric' (integers, floats, decimals), 'categorical' (strings, dictionaries, enums) or
 * 'boolean'. `detail` names the source type for messages, e.g. "INT64" or "Utf8".
 */
export interface TypedField {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly detail: string;
}

/** Where a value came from, for errors. */
export interface TypedSource {
  readonly file: string | undefined;
  readonly missing: MissingValues;
  readonly hint: HintWriter;
}

/**
 * Builds one Table column from typed values fed in chunks (a Parquet row group, an Arrow record
 * batch), without text: numbers go straight into the Float32Array, strings into category codes.
 * null, undefined and NaN are missing values; so is a string that is a missing-value token ('',
 * NA...), as in a CSV file, so both formats give one table.
 */
export class TypedColumn {
  readonly field: TypedField;
  private readonly source: TypedSource;
  private readonly values: Float32Array | undefined;
  private readonly codes: Int32Array | undefined;
  private readonly categories = new CategoryCodes();
  private missing = 0;

  constructor(field: TypedField, rows: number, source: TypedSource) {
    this.field = field;
    this.source = source;
    if (field.kind === 'categorical') this.codes = new Int32Array(rows);
    else this.values = new Float32Array(rows);
  }

  /** Stores `values` at rows rowStart, rowStart + 1, ... */
  add(rowStart: number, values: ArrayLike<unknown>): void {
    if (this.values !== undefined && (values instanceof Float32Array || values instanceof Float64Array || values instanceof Int32Array)) {
      return this.addNumbers(rowStart, values);
    }
    for (let i = 0; i < values.length; i++) this.set(rowStart + i, values[i]);
  }

  finish(): Column {
    const { name } = this.field;
    if (this.codes !== undefined) {
      return { name, kind: 'categorical', codes: this.codes, categories: this.categories.texts, counts: this.categories.counts, missing: this.missing };
    }
    return { name, kind: this.field.kind === 'boolean' ? 'boolean' : 'numeric', values: this.values!, missing: this.missing };
  }

  /** Typed arrays of numbers (no nulls in them): one pass, no per-value type checks. */
  private addNumbers(rowStart: number, numbers: Float32Array | Float64Array | Int32Array): void {
    const values = this.values!;
    for (let i = 0; i < numbers.length; i++) {
      const value = numbers[i];
      if (value !== value) this.missing++;
      else if (!fitsFloat32(value)) throw this.error(rowStart + i, value, 'is too large for a float32 (the limit is ±3.4e38)');
      values[rowStart + i] = value;
    }
  }

  private set(row: number, value: unknown): void {
    if (value === null || value === undefined || value !== value) return this.setMissing(row);
    if (this.codes !== undefined) {
      if (typeof value !== 'string') throw this.error(row, value, 'is not a string');
      if (this.source.missing.has(value)) return this.setMissing(row);
      this.codes[row] = this.categories.add(value);
      return;
    }
    if (this.field.kind === 'boolean') {
      if (typeof value !== 'boolean') throw this.error(row, value, 'is not a boolean');
      this.values![row] = value ? 1 : 0;
      return;
    }
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number') throw this.error(row, value, 'is not a number');
    if (!fitsFloat32(number)) throw this.error(row, value, 'is too large for a float32 (the limit is ±3.4e38)');
    this.values![row] = number;
  }

  private setMissing(row: number): void {
    this.missing++;
    if (this.codes !== undefined) this.codes[row] = -1;
    else this.values![row] = NaN;
  }

  private error(row: number, value: unknown, what: string): DataError {
    const { name, detail } = this.field;
    return new DataError(
      'data/typed-value',
      `${this.source.file ?? 'The data'}, row ${row + 1}, column ${JSON.stringify(name)} (${detail}): ${show(value)} ${what}. ` +
        `Fix the value in the source, or leave the column out with ${this.source.hint({ option: 'columnTypes', column: name, type: 'ignore' })}.`,
      { file: this.source.file, row, column: name },
    );
  }
}
