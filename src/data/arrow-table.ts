import { DataError, show } from '../errors.js';
import type { DataWarning } from './data-warning.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import type { ColumnKind } from './table.js';
import type { LabelledTable, TableOptions } from './table-builder.js';
import { TypedTableBuilder, type SourceField } from './typed-table-builder.js';

/** An Arrow data type as apache-arrow describes it: `typeId` from its `Type` enumeration. */
interface ArrowTypeLike {
  readonly typeId: number;
  /** Float precision: 0 half, 1 single, 2 double. */
  readonly precision?: number;
  /** For a dictionary, the type of its values. */
  readonly dictionary?: ArrowTypeLike;
  toString(): string;
}

/** A column of an Arrow table (apache-arrow's Vector). */
export interface ArrowVectorLike extends Iterable<unknown> {
  readonly length: number;
  readonly nullCount: number;
  toArray(): ArrayLike<unknown>;
}

/**
 * An Arrow table, duck-typed so that a table from any apache-arrow version (or another Arrow
 * library with the same shape) is accepted without nnkit depending on it.
 */
export interface ArrowTableLike {
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowTypeLike }[] };
  readonly numRows: number;
  getChild(name: string): ArrowVectorLike | null;
}

/** An Arrow table read into columns: the features as a Table, the target as class indices. */
export interface ArrowData extends LabelledTable {
  readonly file?: string;
  readonly warnings: readonly DataWarning[];
}

// NOTE: apache-arrow's Type enumeration; the values are part of the Arrow format's schema.
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const BOOL = 6;
const LARGE_UTF8 = 20;
const UTF8_VIEW = 24;
const DICTIONARY = -1;

/**
 * Reads an Arrow table (apache-arrow's `Table`, e.g. from `tableFromIPC`) into nnkit's columns:
 * integers and floats → numeric, strings and dictionaries of strings → categorical, booleans →
 * boolean, nulls → missing values, as readParquet does. `file` names the source in messages.
 */
export function tableFromArrow(table: ArrowTableLike, options: TableOptions & { readonly file?: string } = {}, hint: HintWriter = libraryHint): ArrowData {
  if (typeof table !== 'object' || table === null || typeof table.getChild !== 'function' || !Array.isArray(table.schema?.fields)) {
    throw new DataError('data/arrow-input', `Expected an Arrow table (with schema.fields, numRows and getChild) but got ${show(table)}.`);
  }
  const fields: SourceField[] = table.schema.fields.map(({ name, type }) => ({ name, kind: kindOf(type), detail: String(type) }));
  const builder = new TypedTableBuilder(fields, table.numRows, options, options.file, hint);
  for (const name of builder.wanted) {
    const vector = table.getChild(name)!;
    const type = table.schema.fields.find((field) => field.name === name)!.type;
    // NOTE: toArray() of a numeric vector holds the stored values, nulls included as whatever
    // the buffer holds; only a vector without nulls (and not float16, kept as raw bits) can use it.
    const plain = vector.nullCount === 0 && (type.typeId === INT || (type.typeId === FLOAT && type.precision !== 0));
    builder.add(name, 0, plain ? vector.toArray() : Array.from(vector));
  }
  return { ...(options.file === undefined ? {} : { file: options.file }), ...builder.finish() };
}

function kindOf(type: ArrowTypeLike): ColumnKind | undefined {
  switch (type.typeId) {
    case INT:
    case FLOAT:
      return 'numeric';
    case UTF8:
    case LARGE_UTF8:
    case UTF8_VIEW:
      return 'categorical';
    case BOOL:
      return 'boolean';
    case DICTIONARY:
      return type.dictionary === undefined ? undefined : kindOf(type.dictionary);
    default:
      return undefined;
  }
}
