import { ConfigError, DataError, show } from '../errors.js';
import { ColumnBuilder, type RecordCells } from './column-builder.js';
import { numericLookingWarning } from './numeric-looking.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import { COLUMN_TYPES, listNames, type ColumnType, type Decimal, type Table } from './table.js';
import type { DataWarning } from './data-warning.js';
import { TargetBuilder, type TargetColumn } from './target-builder.js';
import type { PartLayout, StorageKind, TablePart } from './table-part.js';

export interface TableOptions {
  /**
   * The label column's name. Default: the column named `label`, else the last column.
   * `null` reads every column as a feature (unlabelled data).
   */
  readonly target?: string | null;
  /** For a two-class target, the class that counts as positive (see TargetBuilder). */
  readonly positive?: string;
  /**
   * Accept a target that holds a single class (default false: training needs two). For
   * evaluating a trained model on the rows of one class, e.g. its recall on positive rows.
   */
  readonly allowOneClass?: boolean;
  /** Tokens read as missing values, case-insensitively. Default: '', NA, NaN, ?, null. */
  readonly missingValues?: readonly string[];
  /**
   * Forces the kind of some columns instead of inferring it, e.g. { zip: 'categorical' };
   * 'ignore' reads past a column (an identifier, a free-text note): it is no feature.
   */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  /** The decimal separator of numbers: '.' (`6.5`, the default) or ',' (`6,5`). */
  readonly decimal?: Decimal;
}

export interface LabelledTable {
  readonly header: readonly string[];
  readonly rows: number;
  /** Every column except the target, in header order. */
  readonly features: Table;
  readonly target?: TargetColumn;
  /** What reading noticed that may not be what was meant (see DataWarning). */
  readonly warnings?: readonly DataWarning[];
}

/** How many of the target's texts addCells compares a cell's bytes with before decoding it. */
const TARGET_TEXTS = 8;

/**
 * Builds a columnar table from a header and text records fed one at a time, so a file of any
 * length is read without holding its rows. The CSV reader drives it; it also works on records
 * from anywhere (a browser upload, a test).
 */
export class TableBuilder {
  readonly header: readonly string[];
  private readonly file: string | undefined;
  private readonly missing: MissingValues;
  private readonly columns: (ColumnBuilder | TargetBuilder | undefined)[];
  /** `columns` with the target left out (undefined), for addCells. */
  private readonly features: (ColumnBuilder | undefined)[];
  private readonly types: Readonly<Record<string, ColumnType>>;
  private readonly decimal: Decimal;
  private readonly hint: HintWriter;
  private readonly targetIndex: number;
  private readonly positive: string | undefined;
  private readonly allowOneClass: boolean;
  private count = 0;
  /** The target's first distinct texts: a cell equal to one is not decoded again. */
  private readonly targetTexts: string[] = [];

  /**
   * `file` names the source in errors; `expectedRows`, when known (the CSV reader counts lines
   * first), sizes every column once so that finishing copies nothing; `hint` names the settings
   * in messages (the CLI passes one that writes its flags); `layout` stores a part read after
   * `layout.start` rows for the reader of those rows to take over (see PartLayout).
   */
  constructor(header: readonly string[], options: TableOptions = {}, file?: string, expectedRows?: number, hint: HintWriter = libraryHint, layout?: PartLayout) {
    this.file = file;
    this.hint = hint;
    this.header = checkHeader(header, file);
    this.missing = new MissingValues(options.missingValues ?? DEFAULT_MISSING_VALUES);
    this.positive = options.positive;
    this.allowOneClass = options.allowOneClass ?? false;
    this.targetIndex = this.findTarget(options.target);
    const types = options.columnTypes ?? {};
    this.types = types;
    this.decimal = options.decimal ?? '.';
    if (this.decimal !== '.' && this.decimal !== ',') {
      throw new ConfigError('config/decimal', `decimal must be "." or "," but is ${show(this.decimal)}; e.g. "," for numbers written 6,5.`);
    }
    for (const [name, kind] of Object.entries(types)) {
      if (!this.header.includes(name)) {
        // NOTE: a DataError, not a ConfigError: columnTypes usually comes from a trained model's
        // preprocessor, and then the file is what lacks the column.
        throw new DataError(
          'data/missing-column',
          `${file ?? 'The data'} has no column ${JSON.stringify(name)}, which ${hint({ option: 'columnTypes', column: name, type: kind })} ` +
            `names (a model's input columns are passed this way too); its columns are ${listNames(this.header)}. Add the column or fix the name.`,
          { file, line: 1, column: name },
        );
      }
      if (!COLUMN_TYPES.includes(kind)) {
        throw new ConfigError(
          'config/column-type',
          `columnTypes[${JSON.stringify(name)}] is ${show(kind)}; use one of ${listNames(COLUMN_TYPES)}.`,
        );
      }
    }
    const target = this.targetIndex >= 0 ? this.header[this.targetIndex] : undefined;
    if (target !== undefined && types[target] !== undefined) {
      throw new ConfigError(
        'config/column-type',
        `${hint({ option: 'columnTypes', column: target, type: types[target] })} names the target column; the target is read ` +
          'as class labels. Leave it out, or choose another target.',
      );
    }
    const { start, share } = layout ?? {};
    const source = { file, missing: this.missing, expectedRows, start, decimal: this.decimal, hint };
    this.columns = this.header.map((name, index) => {
      if (index === this.targetIndex) return new TargetBuilder(name, this.missing, file, expectedRows, start, share && ((whole) => share(index, 'codes', whole)));
      const type = types[name];
      return type === 'ignore' ? undefined : new ColumnBuilder(name, share ? { ...source, share: (kind, whole) => share(index, kind, whole) } : source, type);
    });
    this.features = this.columns.map((column) => (column instanceof ColumnBuilder ? column : undefined));
  }

  /** Records added so far. */
  get rows(): number {
    return this.count;
  }

  /** Adds one record; `line` is its line number in the file (the header is line 1). */
  add(record: readonly string[], line: number): void {
    if (record.length !== this.columns.length) {
      const fix =
        record.length > this.columns.length
          ? 'remove the extra values, or quote values that contain the delimiter'
          : 'add the missing values (leave a field empty for a missing value, e.g. "1,,3")';
      throw new DataError(
        'data/ragged-row',
        `${this.file ?? 'The data'}, line ${line}: this row has ${record.length} values (${listNames(record)}) but the ` +
          `header has ${this.columns.length} columns; ${fix}.`,
        { file: this.file, line, row: this.count },
      );
    }
    for (let c = 0; c < record.length; c++) this.columns[c]?.add(record[c], line);
    this.count++;
  }

  /** Adds one record read on demand (see RecordCells): the same as `add(cells.textAll(), line)`. */
  addCells(cells: RecordCells, line: number): void {
    const columns = this.columns;
    if (cells.length !== columns.length) return this.add(cells.textAll(), line);
    const features = this.features;
    const target = this.targetIndex;
    // NOTE: columns in header order (left of the target, the target, right of it), so the first
    // error of a row is the one add() would report.
    const left = target < 0 ? columns.length : target;
    for (let c = 0; c < left; c++) features[c]?.addCell(cells, c, line);
    if (target < 0) return void this.count++;
    this.addTargetCell(cells, target, line);
    for (let c = target + 1; c < columns.length; c++) features[c]?.addCell(cells, c, line);
    this.count++;
  }

  /** The target's cell, its text taken from the classes seen first when it is one of them. */
  private addTargetCell(cells: RecordCells, index: number, line: number): void {
    const seen = this.targetTexts;
    let text: string | undefined;
    for (let i = 0; i < seen.length && text === undefined; i++) if (cells.equals(index, seen[i])) text = seen[i];
    if (text === undefined) {
      text = cells.text(index);
      if (seen.length < TARGET_TEXTS) seen.push(text);
    }
    (this.columns[index] as TargetBuilder).add(text, line);
  }

  /** Stores column `column` in `whole`, shared by the builder of the records after these (see PartLayout). */
  adopt(column: number, kind: StorageKind, whole: Float32Array | Int32Array, room: number): void {
    const builder = this.columns[column];
    if (builder instanceof TargetBuilder) {
      if (kind === 'codes') builder.adopt(whole as Int32Array, room);
    } else builder?.adopt(kind, whole, room);
  }

  /** What was built so far, unfinished, to merge into the builder of the records before (see TablePart). */
  part(): TablePart {
    const features = this.features.map((column) => column?.part() ?? null);
    const target = this.targetIndex >= 0 ? (this.columns[this.targetIndex] as TargetBuilder).part() : undefined;
    return { rows: this.count, features, ...(target ? { target } : {}) };
  }

  /**
   * Appends the part built from the records after these (`lines` line breaks before them) with
   * the same header and options: afterwards `finish()` gives what adding every record here would
   * have. False when a column cannot merge (see ColumnBuilder.merge); then nothing has changed
   * and the records must be added here instead.
   */
  merge(part: TablePart, lines: number): boolean {
    const features = this.features;
    const target = this.targetIndex >= 0 ? (this.columns[this.targetIndex] as TargetBuilder) : undefined;
    if (part.features.length !== features.length || (target === undefined) !== (part.target === undefined)) return false;
    if (!features.every((column, c) => column === undefined || (part.features[c] !== null && column.canMerge(part.features[c]!)))) return false;
    if (target !== undefined && !target.canMerge(part.target!)) return false;
    features.forEach((column, c) => column?.merge(part.features[c]!, lines));
    target?.merge(part.target!);
    this.count += part.rows;
    return true;
  }

  finish(): LabelledTable & { readonly warnings: readonly DataWarning[] } {
    if (this.count === 0) {
      throw new DataError(
        'data/no-rows',
        `${this.file ?? 'The data'} has a header (${listNames(this.header)}) but no data rows; add rows below the header.`,
        { file: this.file, line: 2 },
      );
    }
    const target = this.targetIndex >= 0 ? (this.columns[this.targetIndex] as TargetBuilder).finish(this.positive, this.allowOneClass) : undefined;
    const columns = this.columns
      .filter((column, index) => column !== undefined && index !== this.targetIndex)
      .map((column) => (column as ColumnBuilder).finish());
    const warnings: DataWarning[] = [];
    for (const column of columns) {
      if (column.kind !== 'categorical' || this.types[column.name] !== undefined) continue;
      const warning = numericLookingWarning(column, this.decimal, this.hint);
      if (warning !== undefined) warnings.push(warning);
    }
    const ignoredColumns = this.header.filter((name) => this.types[name] === 'ignore');
    return {
      header: this.header,
      rows: this.count,
      features: { rows: this.count, columns, missingValues: this.missing.tokens, decimal: this.decimal, ignoredColumns },
      target,
      warnings,
    };
  }

  private findTarget(target: string | null | undefined): number {
    if (target === null) return -1;
    if (target === undefined) {
      const label = this.header.indexOf('label');
      if (this.header.length < 2) {
        throw new DataError(
          'data/no-features',
          `${this.file ?? 'The data'} has one column (${listNames(this.header)}): nothing is left to learn from once the ` +
            `label is taken. Check the delimiter (pass it, e.g. ${this.hint({ option: 'delimiter', value: ';' })}) or add feature columns.`,
          { file: this.file, line: 1 },
        );
      }
      return label >= 0 ? label : this.header.length - 1;
    }
    const index = this.header.indexOf(target);
    if (index < 0) {
      throw new DataError(
        'data/unknown-target',
        `${this.file ?? 'The data'} has no column named ${JSON.stringify(target)} to use as the target; its columns are ` +
          `${listNames(this.header)}. Pass one of them, e.g. ${this.hint({ option: 'target', value: this.header[this.header.length - 1] })} (names are case-sensitive).`,
        { file: this.file, line: 1, column: target },
      );
    }
    return index;
  }
}

/** Checks header names are non-empty and distinct; returns a frozen copy. */
export function checkHeader(header: readonly string[], file: string | undefined): readonly string[] {
  const seen = new Set<string>();
  header.forEach((name, index) => {
    const location = { file, line: 1, column: name };
    if (name.trim() === '') {
      throw new DataError(
        'data/empty-column-name',
        `${file ?? 'The data'}, line 1: header cell ${index + 1} is empty; give every column a name` +
          `${index === header.length - 1 ? ' (or remove the delimiter at the end of the line)' : ''}.`,
        location,
      );
    }
    if (seen.has(name)) {
      throw new DataError(
        'data/duplicate-column',
        `${file ?? 'The data'}, line 1: the column name ${JSON.stringify(name)} appears twice; give every column a distinct name.`,
        location,
      );
    }
    seen.add(name);
  });
  return Object.freeze([...header]);
}
