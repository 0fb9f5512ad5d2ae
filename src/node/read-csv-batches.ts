import { ConfigError, show } from '../errors.js';
import { raggedRowError } from '../data/csv-cell-batches.js';
import { CsvRecordCells } from '../data/csv-record-cells.js';
import { CsvTokenizer } from '../data/csv-tokenizer.js';
import { MissingValues } from '../data/parse-value.js';
import { checkHeader } from '../data/table-builder.js';
import type { RawColumns } from '../data/table.js';
import { emptyFile, openCsv, type CsvInput } from './csv-source.js';

export interface ReadCsvBatchesOptions {
  /** Rows per batch (default 1024). */
  readonly batchSize?: number;
  /** The field delimiter. Default: sniffed from the header line among `,` `;` tab and `|`. */
  readonly delimiter?: string;
}

/** One batch of raw text cells, column by column, with the file line of each row. */
export interface CsvBatch extends RawColumns {
  readonly file: string;
  readonly lines: Int32Array;
}

/**
 * Streams a CSV file as batches of raw text columns, in constant memory for any file size (the
 * file is read only as fast as batches are consumed). Nothing is inferred: the Preprocessor that
 * travels with a model parses each column as it was trained. A header-only file yields no batch.
 * The input can also be a stream read once, named for messages:
 * `{ stream: process.stdin, name: 'standard input' }`.
 *
 *   for await (const batch of readCsvBatches('data.csv')) model.predict(pre.transformRaw(batch).x)
 */
export async function* readCsvBatches(input: CsvInput, options: ReadCsvBatchesOptions = {}): AsyncGenerator<CsvBatch> {
  const file = typeof input === 'string' ? input : input.name;
  const batchSize = options.batchSize ?? 1024;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError('config/batch-size', `batchSize must be a positive integer but is ${show(batchSize)}; e.g. 1024.`);
  }
  const source = await openCsv(input, options.delimiter);
  const code = source.delimiter.charCodeAt(0);
  const oneByte = source.delimiter.length === 1 && code < 0x80;
  let names: readonly string[] | undefined;
  let columns: string[][] = [];
  let lines = new Int32Array(batchSize);
  let rows = 0;
  const take = (): CsvBatch => {
    const batch = { names: names!, columns, rows, lines: lines.subarray(0, rows), file };
    columns = names!.map(() => []);
    lines = new Int32Array(batchSize);
    rows = 0;
    return batch;
  };
  const onRecord = (record: string[], line: number): CsvBatch | null => {
    if (names === undefined) {
      names = checkHeader(record, file);
      columns = names.map(() => []);
      return null;
    }
    if (record.length !== names.length) throw raggedRowError(file, line, record.length, names.length);
    for (let c = 0; c < record.length; c++) columns[c].push(record[c]);
    lines[rows++] = line;
    return rows === batchSize ? take() : null;
  };
  if (oneByte) {
    // NOTE: the byte tokenizer splits records as csv-parse does (its property tests hold it to
    // csv-parse's records, lines and errors) at a fraction of the cost; text is made per cell.
    const done: CsvBatch[] = [];
    const cells = new CsvRecordCells('.', new MissingValues([]));
    const tokenizer = new CsvTokenizer(code, cells, (record, line) => {
      const batch = onRecord(record.textAll(), line);
      if (batch !== null) done.push(batch);
    }, source.file, source.file);
    for await (const chunk of source.bytes()) {
      tokenizer.push(chunk);
      yield* done.splice(0);
    }
    tokenizer.end();
    yield* done.splice(0);
  } else {
    // NOTE: a consumer that stops early cancels the parser's output, which cancels the file stream.
    for await (const batch of source.records(onRecord)) yield batch as CsvBatch;
  }
  if (names === undefined) throw emptyFile(file);
  if (rows > 0) yield take();
}
