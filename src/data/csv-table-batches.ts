import { DataError } from '../errors.js';
import { CsvRecordCells } from './csv-record-cells.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { MissingValues, fitsFloat32, numberParser, parseBoolean } from './parse-value.js';
import { badCellError } from './preprocessor-sources.js';
import { checkHeader } from './table-builder.js';
import { emptyCsvError } from './parse-csv-rules.js';
import { BatchColumns, type CsvTableBatch, type CsvTableBatchOptions, type Plan } from './csv-batch-columns.js';

export type { CsvTableBatch, CsvTableBatchOptions } from './csv-batch-columns.js';

/** Cells remembered by their bytes, so that a repeated category is not decoded again. */
const REMEMBERED_CELLS = 4096;

/**
 * Reads CSV bytes, pushed in chunks, into batches of typed rows: the byte tokenizer behind readCsv
 * with the kinds fixed in advance, so a numeric cell costs no string. What the Preprocessor's raw
 * reading would reject (text in a numeric column, a row of the wrong length) is a DataError
 * naming the file, line, column and value.
 *
 *   const batches = new CsvTableBatches(options); for (chunk of file) yield* batches.push(chunk); yield* batches.end()
 */
export class CsvTableBatches {
  private readonly options: CsvTableBatchOptions;
  private readonly tokenizer: CsvTokenizer;
  private readonly missing: MissingValues;
  private readonly parse: (text: string) => number;
  /** Whether a cell that reads as a number is one (no missing token reads as a number). */
  private readonly plainNumbers: boolean;
  private header: readonly string[] | undefined;
  private plans: Plan[] = [];
  /** The keepText columns' indices. */
  private textColumns: number[] = [];
  private batch: BatchColumns | undefined;
  /** Rows in the batches taken so far. */
  private taken = 0;
  private readonly done: CsvTableBatch[] = [];
  private readonly remembered: Map<number, { readonly bytes: Uint8Array; readonly text: string }>[] = [];

  constructor(options: CsvTableBatchOptions) {
    this.options = options;
    this.missing = new MissingValues(options.missingValues);
    this.parse = numberParser(options.decimal);
    this.plainNumbers = !options.missingValues.some((token) => this.parse(token.toLowerCase()) === this.parse(token.toLowerCase()));
    const cells = new CsvRecordCells(options.decimal, this.missing);
    this.tokenizer = new CsvTokenizer(options.delimiter.charCodeAt(0), cells, (record, line) => this.add(record, line), options.file, options.file);
  }

  /** Reads the whole records in `chunk`; returns the batches they completed. */
  push(chunk: Uint8Array): CsvTableBatch[] {
    this.tokenizer.push(chunk);
    return this.done.splice(0);
  }

  /** Reads the last record; returns the last batches (none for a header-only file). */
  end(): CsvTableBatch[] {
    this.tokenizer.end();
    if (this.header === undefined) throw emptyCsvError(this.options.file, this.options.file);
    if (this.batch !== undefined && this.batch.rows > 0) this.done.push(this.batch.take());
    this.batch = undefined;
    return this.done.splice(0);
  }

  private add(cells: CsvRecordCells, line: number): void {
    const header = this.header;
    if (header === undefined) return this.start(cells);
    if (cells.count !== header.length) {
      const { file } = this.options;
      throw new DataError(
        'data/ragged-row',
        `${file}, line ${line}: this row has ${cells.count} values but the header has ${header.length} columns; ` +
          'give every row one value per column (quote values that contain the delimiter).',
        { file, line },
      );
    }
    const batch = this.batch!;
    const row = batch.rows;
    const plans = this.plans;
    for (let c = 0; c < plans.length; c++) {
      const plan = plans[c];
      if (plan === 'numeric') batch.values[c]![row] = this.numberCell(cells, c, line, row);
      else if (plan === 'boolean') batch.values[c]![row] = this.booleanCell(cells, c, line, row);
      else if (plan !== 'skip') batch.codes[c]![row] = batch.code(c, this.textCell(cells, c, plan === 'categorical'));
    }
    const texts = batch.texts;
    for (let k = 0; k < texts.length; k++) texts[k][row] = this.textCell(cells, this.textColumns[k], false)!;
    batch.lines[row] = line;
    if (++batch.rows === this.options.batchSize) {
      this.done.push(batch.take());
      this.taken += batch.rows;
      this.batch = new BatchColumns(header, plans, this.textColumns, this.options, this.taken);
    }
  }

  private start(cells: CsvRecordCells): void {
    const header = checkHeader(cells.textAll(), this.options.file);
    const { columnTypes: types, keepText = [] } = this.options;
    this.header = header;
    this.plans = header.map((name) => {
      const type = Object.hasOwn(types, name) ? types[name] : undefined;
      if (type === undefined) return keepText.includes(name) ? 'skip' : 'text';
      return type === 'ignore' ? 'skip' : type;
    });
    this.textColumns = keepText.map((name) => header.indexOf(name)).filter((index) => index >= 0);
    for (let c = 0; c < header.length; c++) this.remembered.push(new Map());
    this.batch = new BatchColumns(header, this.plans, this.textColumns, this.options, 0);
  }

  private numberCell(cells: CsvRecordCells, c: number, line: number, row: number): number {
    if (this.plainNumbers) {
      const stored = Math.fround(cells.number(c));
      // NOTE: NaN (no number) and ±Infinity (past float32) are what `stored - stored` is not 0 for.
      if (stored - stored === 0) return stored;
    }
    const text = cells.text(c);
    if (this.missing.has(text)) return this.batch!.missingValue(c);
    const value = this.parse(text);
    if (value === value && fitsFloat32(value)) return Math.fround(value);
    throw this.badCell(c, 'numeric', text, line, row);
  }

  private booleanCell(cells: CsvRecordCells, c: number, line: number, row: number): number {
    const text = cells.text(c);
    if (this.missing.has(text)) return this.batch!.missingValue(c);
    const truth = parseBoolean(text);
    if (truth >= 0) return truth;
    throw this.badCell(c, 'boolean', text, line, row);
  }

  /** The cell's text, or null for a missing value of a categorical column. */
  private textCell(cells: CsvRecordCells, c: number, categorical: boolean): string | null {
    const remembered = this.remembered[c];
    const hash = cells.hash(c);
    const known = hash < 0 ? undefined : remembered.get(hash);
    let text: string;
    if (known !== undefined && cells.sameBytes(c, known.bytes)) text = known.text;
    else {
      text = cells.text(c);
      if (hash >= 0 && known === undefined && remembered.size < REMEMBERED_CELLS) remembered.set(hash, { bytes: cells.copyBytes(c), text });
    }
    return categorical && this.missing.has(text) ? null : text;
  }

  private badCell(c: number, kind: 'numeric' | 'boolean', text: string, line: number, row: number): DataError {
    const { file, decimal } = this.options;
    return badCellError({ name: this.header![c], kind }, text, { file, line, row: this.batch!.first + row }, this.missing, decimal);
  }
}
