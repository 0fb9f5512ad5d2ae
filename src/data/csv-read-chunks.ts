import { CsvBytesTable } from './csv-bytes-table.js';
import type { CsvTable, ParseCsvOptions } from './csv-table.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { checkDelimiter, emptyCsvError, isBlankCsv } from './parse-csv-rules.js';
import { SNIFF_LENGTH } from './sniff-decimal.js';
import { concatArrays } from '../utils/concat-arrays.js';

/** How far a long read has come: sent after each chunk of bytes. */
export interface CsvProgress {
  readonly bytesRead: number;
  /** The size of the data, when known (a file, a Blob, bytes; not a stream). */
  readonly totalBytes?: number;
  /** Data rows read so far. */
  readonly rows: number;
  /** Seconds since the read began. */
  readonly seconds: number;
  readonly bytesPerSecond: number;
  readonly rowsPerSecond: number;
  /** Seconds left at the rate so far, when the size is known. */
  readonly secondsLeft?: number;
}

export interface ReadCsvOptions extends ParseCsvOptions {
  /** Called after each chunk read (about every MiB) with the bytes and rows read so far. */
  readonly onProgress?: (progress: CsvProgress) => void;
}

/** What the caller knows of the data before reading it. */
export interface CsvSizing {
  readonly totalBytes?: number;
  /** An over-estimate of the data rows (line count − 1), so every column is allocated once. */
  readonly expectedRows?: number;
}

/**
 * Reads CSV bytes arriving in chunks into a table: the conventions are sniffed from the first
 * 64 KiB, then every chunk goes through the byte tokenizer (CsvBytesTable). Shared by the root's
 * readCsv (Blob, ReadableStream, bytes) and Node's readCsv (a file), so both give one table.
 * No chunk is kept once the next is asked for, so a reader may reuse its buffers.
 */
export async function readCsvChunks(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadCsvOptions = {},
  hint: HintWriter = libraryHint,
  sizing: CsvSizing = {},
): Promise<CsvTable> {
  if (options.delimiter !== undefined) checkDelimiter(options.delimiter);
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let bytesRead = 0;
  let done = false;
  while (bytesRead < SNIFF_LENGTH) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    // NOTE: copied, as a reader may fill the chunk's buffer again for the next one.
    head.push(new Uint8Array(next.value));
    bytesRead += next.value.length;
  }
  const table = openCsvBytesTable(head.length === 1 ? head[0] : concatArrays(head, Uint8Array), options, hint, sizing.expectedRows);
  const began = performance.now();
  const report = () => options.onProgress?.(csvProgress(bytesRead, table.rows, (performance.now() - began) / 1000, sizing.totalBytes));
  for (const chunk of head) table.push(chunk);
  head.length = 0;
  report();
  while (!done) {
    const next = await iterator.next();
    if (next.done === true) break;
    table.push(next.value);
    bytesRead += next.value.length;
    report();
  }
  return table.end();
}

/**
 * The reader of CSV bytes whose first ones are `first`: its conventions sniffed from their first
 * 64 KiB (pass at least that much when there is), or the error of data with nothing in it.
 */
export function openCsvBytesTable(first: Uint8Array, options: ReadCsvOptions, hint: HintWriter, expectedRows: number | undefined): CsvBytesTable {
  const start = new TextDecoder().decode(first.subarray(0, SNIFF_LENGTH));
  if (isBlankCsv(start)) throw emptyCsvError(options.file ?? 'The data', options.file);
  return new CsvBytesTable(start, options, hint, expectedRows);
}

export function csvProgress(bytesRead: number, rows: number, seconds: number, totalBytes: number | undefined): CsvProgress {
  // NOTE: the first report can come within a millisecond; rates are per second of at least 1 ms.
  const elapsed = Math.max(seconds, 1e-3);
  const bytesPerSecond = bytesRead / elapsed;
  const rowsPerSecond = rows / elapsed;
  if (totalBytes === undefined) return { bytesRead, rows, seconds, bytesPerSecond, rowsPerSecond };
  const secondsLeft = Math.max(0, totalBytes - bytesRead) / Math.max(bytesPerSecond, 1);
  return { bytesRead, totalBytes, rows, seconds, bytesPerSecond, rowsPerSecond, secondsLeft };
}

