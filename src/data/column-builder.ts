import { DataError, show } from '../errors.js';
import { appendAll, ChunkedArray, type TypedArrayConstructor } from './chunked-array.js';
import type { HintWriter } from './option-hint.js';
import { MissingValues, fitsFloat32, numberParser, parseBoolean, parseBooleanWord } from './parse-value.js';
import type { Column, ColumnKind, Decimal } from './table.js';
import { partAsCodes, type ColumnPart, type StorageKind, type TextSighting } from './table-part.js';
import { CategoryCodes } from './category-codes.js';

/**
 * Builds one column from text cells in a single pass, inferring its kind as it goes.
 *
 * Inference policy (`kind` not forced):
 * - every non-missing value a plain number (with the source's decimal separator) → numeric;
 * - every non-missing value true/false or yes/no (any case) → boolean;
 * - otherwise categorical, unless the numbers dominate: when at least 90% of the non-missing
 *   values are numbers, or there are more than 1000 distinct numbers, the text values are
 *   mistakes in a numeric column and reading fails at the first one, naming its line.
 *
 * Storage starts as float32. A column only changes to category codes while it has seen at most
 * 1000 distinct number spellings, which can be turned back into their exact text; past that the
 * column is certainly numeric and the first text value is reported at once.
 */
const DISTINCT_NUMBER_LIMIT = 1000;
const NUMERIC_SHARE = 0.9;

export interface ColumnSource {
  readonly file?: string;
  readonly missing: MissingValues;
  /** The number of rows expected (e.g. the file's line count), so storage is sized once. */
  readonly expectedRows?: number;
  /** Slots left empty in front of the values in that storage (see ChunkedArray, TablePart). */
  readonly start?: number;
  /** Given that storage, in shared memory, as it is made (see PartLayout); absent: not shared. */
  readonly share?: (kind: StorageKind, whole: Float32Array | Int32Array) => void;
  /** The decimal separator of numbers: `6.5` ('.') or `6,5` (','). */
  readonly decimal: Decimal;
  /** How errors name the settings that fix them (the library's options or the CLI's flags). */
  readonly hint: HintWriter;
}

/**
 * One record's cells read on demand: a byte reader (CsvRecordCells) makes text only for the cells
 * that need it and reads numbers from the bytes.
 */
export interface RecordCells {
  readonly length: number;
  text(index: number): string;
  textAll(): string[];
  /** False only when the cell is certainly not a missing-value token. */
  mayBeMissing(index: number): boolean;
  /** The cell's number as the column's number parser reads its text (NaN when it is none). */
  number(index: number): number;
  /** Whether the cell's text is `text`. */
  equals(index: number, text: string): boolean;
  /** A hash of the cell's bytes (equal bytes, equal text), or -1 when it has none. */
  hash(index: number): number;
  /** Whether the cell's bytes are `bytes` (false when it has no hash). */
  sameBytes(index: number, bytes: Uint8Array): boolean;
  /** The cell's bytes (of a cell with a hash). */
  copyBytes(index: number): Uint8Array;
}

/** Categories a column remembers by their bytes (see addCell); past this, text is looked up. */
const BYTE_CATEGORY_LIMIT = 4096;

export class ColumnBuilder {
  readonly name: string;
  private readonly forced: ColumnKind | undefined;
  private readonly source: ColumnSource;
  private readonly parse: (text: string) => number;
  private values: ChunkedArray<Float32Array> | null;
  private codes: ChunkedArray<Int32Array> | null = null;
  /** Storage for codes the reader of the records after these offered (see adopt), for toCategorical. */
  private offeredCodes: { readonly whole: Int32Array; readonly room: number } | undefined;
  /** Numeric mode: each distinct spelling and its float32 value, while there are few. */
  private spellings: Map<string, number> | null = new Map();
  private spellingOf: Map<number, string> | null = new Map();
  /** Categorical mode: the categories, their codes and rows per code. */
  private readonly categories = new CategoryCodes();
  /** Categorical mode: a hash of a cell's bytes → those bytes and the category's code. */
  private readonly byteCodes = new Map<number, { readonly bytes: Uint8Array; readonly code: number }>();
  private numbers = 0;
  private missing = 0;
  private rows = 0;
  private firstText: TextSighting | undefined;
  /**
   * Whether a cell that reads as a number is one without further tests (addCell's fast path): not
   * in a boolean column, and no missing-value token reads as a number.
   */
  private readonly plainNumbers: boolean;

  constructor(name: string, source: ColumnSource, forced?: ColumnKind) {
    this.name = name;
    this.source = source;
    this.forced = forced;
    this.parse = numberParser(source.decimal);
    // NOTE: lower-casing keeps a number a number (only `E` changes), so when no token reads as
    // a number, no cell that does can be a missing-value token.
    const numericMissing = source.missing.tokens.some((token) => this.parse(token.toLowerCase()) === this.parse(token.toLowerCase()));
    this.plainNumbers = !numericMissing && forced !== 'boolean';
    this.values = this.storage<Float32Array>(Float32Array, 'values', forced === 'categorical' ? 0 : source.expectedRows);
    if (forced === 'numeric' || forced === 'boolean') this.spellings = this.spellingOf = null;
    if (forced === 'categorical') this.toCategorical();
  }

  add(text: string, line: number): void {
    const row = this.rows++;
    if (this.source.missing.has(text)) {
      this.missing++;
      if (this.values !== null) this.values.push(NaN);
      else this.codes!.push(-1);
      return;
    }
    if (this.codes !== null) return this.addCategory(text, line, row);
    if (this.forced === 'boolean') {
      const truth = parseBoolean(text);
      if (truth < 0) throw this.textError(text, line, row, 'boolean');
      this.values!.push(truth);
      return;
    }
    const value = this.parse(text);
    if (value === value && fitsFloat32(value)) {
      this.values!.push(value);
      this.numbers++;
      if (this.spellings !== null && !this.spellings.has(text)) this.rememberSpelling(text, value);
      return;
    }
    this.firstText ??= { value: text, line, row };
    if (this.spellings === null) throw this.textError(text, line, row, this.forced ?? 'numeric');
    this.toCategorical();
    this.addCategory(text, line, row);
  }

  /**
   * Adds cell `index` of a record: what `add(cells.text(index), line)` does, without making the
   * text of a number while the column is numeric.
   */
  addCell(cells: RecordCells, index: number, line: number): void {
    const values = this.values;
    if (values !== null && (this.plainNumbers || (this.forced !== 'boolean' && !cells.mayBeMissing(index)))) {
      const stored = Math.fround(cells.number(index));
      // NOTE: NaN (no number) and ±Infinity (too large for a float32) are the values for which
      // `stored - stored` is not 0; add() then reads the text and says which it is.
      if (stored - stored === 0) {
        this.rows++;
        values.push(stored);
        this.numbers++;
        if (this.spellings !== null) this.trackSpelling(cells, index, stored);
        return;
      }
    }
    if (values === null) return this.addCategoryCell(cells, index, line);
    this.add(cells.text(index), line);
  }

  /** The same test as add's `spellings.has(text)`: a value seen before under this spelling. */
  private trackSpelling(cells: RecordCells, index: number, stored: number): void {
    const known = this.spellingOf!.get(stored);
    if (known === undefined || !cells.equals(index, known)) this.rememberSpelling(cells.text(index), stored);
  }

  /**
   * A cell of a categorical column: a category met before under the same bytes takes its code
   * without making the text (its text passed the missing-value test when it was first added).
   */
  private addCategoryCell(cells: RecordCells, index: number, line: number): void {
    const hash = cells.hash(index);
    const known = hash < 0 ? undefined : this.byteCodes.get(hash);
    if (known !== undefined && cells.sameBytes(index, known.bytes)) {
      this.rows++;
      this.categories.counts[known.code]++;
      this.codes!.push(known.code);
      return;
    }
    const text = cells.text(index);
    this.add(text, line);
    if (hash < 0 || known !== undefined || this.byteCodes.size >= BYTE_CATEGORY_LIMIT) return;
    const code = this.categories.codeOf(text);
    if (code !== undefined) this.byteCodes.set(hash, { bytes: cells.copyBytes(index), code });
  }

  /**
   * Goes on storing this column in `whole`, which the reader of the records after these fills
   * from row `room` on (see PartLayout): this column's rows land in front of them, and merge()
   * then copies neither. An offer of codes is kept for a switch to categories.
   */
  adopt(kind: StorageKind, whole: Float32Array | Int32Array, room: number): void {
    if (kind === 'values') {
      this.values?.adopt(whole as Float32Array, room);
      return;
    }
    this.offeredCodes = { whole: whole as Int32Array, room };
    this.codes?.adopt(whole as Int32Array, room);
  }

  /** What this column holds so far, unfinished (see TablePart); empties it. */
  part(): ColumnPart {
    const { texts: categories, counts } = this.categories;
    const { numbers, missing, rows, firstText } = this;
    const spellings = this.spellings === null ? null : [...this.spellings];
    const stored = this.values !== null ? { values: this.values.takeChunks() } : { codes: this.codes!.takeChunks() };
    return { ...stored, categories, counts, spellings, numbers, missing, rows, ...(firstText ? { firstText } : {}) };
  }

  /**
   * Whether `part` can merge here: not when the two disagree (numbers here, text in the part),
   * nor when the part's numbers would have to become categories but their spellings were not
   * all kept. Then only adding the part's records here gives the answer.
   */
  canMerge(part: ColumnPart): boolean {
    if (this.values !== null) return part.values !== undefined;
    return part.codes !== undefined || part.spellings !== null;
  }

  /**
   * Appends the part read from the records after this column's (`lines` line breaks before
   * them), as if its cells had been added here (see canMerge).
   */
  merge(given: ColumnPart, lines: number): void {
    const part = this.values === null ? partAsCodes(given)! : given;
    if (part.firstText !== undefined) {
      const { value, line, row } = part.firstText;
      this.firstText ??= { value, line: line + lines, row: row + this.rows };
    }
    this.rows += part.rows;
    this.numbers += part.numbers;
    this.missing += part.missing;
    if (this.values !== null) {
      // NOTE: a spelling of the part that is new here is remembered in the part's order, as
      // addCell would have met it; a collision or the limit stops the tracking, as there.
      if (part.spellings === null) this.spellings = this.spellingOf = null;
      for (const [text, value] of part.spellings ?? []) if (this.spellings !== null && !this.spellings.has(text)) this.rememberSpelling(text, value);
      appendAll(this.values, part.values!);
      return;
    }
    const codeOf = this.categories.merge(part.categories, part.counts);
    for (const codes of part.codes!) for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = codeOf[codes[i]];
    appendAll(this.codes!, part.codes!);
  }

  /** The finished column; throws if it turned out numeric with text values in it. */
  finish(): Column {
    const missing = this.missing;
    if (this.values !== null) {
      const kind = this.forced === 'boolean' ? 'boolean' : 'numeric';
      return { name: this.name, kind, values: this.values.toArray(), missing };
    }
    const codes = this.codes!.toArray();
    if (this.forced === undefined) {
      const { texts: categories, counts } = this.categories;
      const numericCodes = categories.map((category) => fitsFloat32(this.parse(category)));
      const numbers = counts.reduce((sum, count, code) => sum + (numericCodes[code] ? count : 0), 0);
      const distinctNumbers = numericCodes.filter(Boolean).length;
      const nonMissing = this.rows - missing;
      if (numbers > 0 && (numbers >= NUMERIC_SHARE * nonMissing || distinctNumbers > DISTINCT_NUMBER_LIMIT)) {
        const first = this.firstText!;
        throw this.textError(first.value, first.line, first.row, 'numeric', `${numbers} of its ${nonMissing} values are numbers`);
      }
      const truths = categories.map(parseBooleanWord);
      if (truths.every((truth) => truth >= 0)) {
        // NOTE: the values take the codes' place (same size, each code read before its slot is
        // written): fresh memory costs a page fault per 4 KiB, dearer than the conversion.
        const values = new Float32Array(codes.buffer, codes.byteOffset, codes.length);
        for (let i = 0; i < codes.length; i++) values[i] = codes[i] < 0 ? NaN : truths[codes[i]];
        return { name: this.name, kind: 'boolean', values, missing };
      }
    }
    return { name: this.name, kind: 'categorical', codes, categories: this.categories.texts, counts: this.categories.counts, missing };
  }

  private rememberSpelling(text: string, value: number): void {
    const stored = Math.fround(value);
    // NOTE: two spellings of one value ("1" and "1.0") cannot be told apart once stored as
    // float32, and past the limit the column is plainly numeric; either way stop tracking.
    if (this.spellings!.size >= DISTINCT_NUMBER_LIMIT || this.spellingOf!.has(stored)) {
      this.spellings = this.spellingOf = null;
      return;
    }
    this.spellings!.set(text, stored);
    this.spellingOf!.set(stored, text);
  }

  /** Switches storage to category codes, turning the numbers seen so far back into their text. */
  private toCategorical(): void {
    const codes = this.storage<Int32Array>(Int32Array, 'codes', this.source.expectedRows);
    if (this.offeredCodes !== undefined) codes.adopt(this.offeredCodes.whole, this.offeredCodes.room);
    const codeOfValue = new Map<number, number>();
    for (const [text, value] of this.spellings ?? []) codeOfValue.set(value, this.categories.add(text, 0));
    this.values?.forEach((value) => {
      const code = value === value ? codeOfValue.get(value)! : -1;
      codes.push(code);
      if (code >= 0) this.categories.counts[code]++;
    });
    this.values = null;
    this.spellings = this.spellingOf = null;
    this.codes = codes;
  }

  /** New storage of `kind`, sized and shared as the source says. */
  private storage<T extends Float32Array | Int32Array>(make: TypedArrayConstructor<T>, kind: StorageKind, expected = 0): ChunkedArray<T> {
    const { start, share } = this.source;
    const shared = share !== undefined && expected > 0;
    const array = new ChunkedArray(make, expected, start, shared);
    if (shared) share(kind, array.storage!);
    return array;
  }

  private addCategory(text: string, line: number, row: number): void {
    const firstNew = this.categories.size;
    const code = this.categories.add(text);
    if (code === firstNew && this.firstText === undefined && !fitsFloat32(this.parse(text))) this.firstText = { value: text, line, row };
    this.codes!.push(code);
  }

  private textError(value: string, line: number, row: number, kind: ColumnKind, evidence?: string): DataError {
    const where = `${this.source.file ?? 'the data'}, line ${line}, column ${JSON.stringify(this.name)}`;
    const { decimal, hint } = this.source;
    const number = this.parse(value);
    const other: Decimal = decimal === '.' ? ',' : '.';
    const what =
      number === number
        ? `${show(value)} is too large for a float32 (the limit is ±3.4e38)`
        : kind === 'boolean'
          ? `${show(value)} is not a boolean (true/false, yes/no, 1/0)`
          : numberParser(other)(value) === numberParser(other)(value)
            ? `${show(value)} is a number written with a decimal ${other === ',' ? 'comma' : 'point'}, which the file was not read with ` +
              `(read it with ${hint({ option: 'decimal', value: other })})`
            : `${show(value)} is text`;
    const reason =
      this.forced !== undefined
        ? `the column was declared ${kind} with ${hint({ option: 'columnTypes', column: this.name, type: kind })}`
        : `the column holds numbers (${evidence ?? `${this.numbers} numeric values in the ${row} rows before it`})`;
    return new DataError(
      'data/text-in-numeric-column',
      `${where}: ${what}, but ${reason}. Fix the value, mark it missing (leave it empty or write NA), or, if the column ` +
        `really holds categories, declare it: ${hint({ option: 'columnTypes', column: this.name, type: 'categorical' })}.`,
      { file: this.source.file, line, column: this.name, row },
    );
  }
}
