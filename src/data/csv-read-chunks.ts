import { CsvBytesTable } from './csv-bytes-table.js';
import type { CsvTable, ParseCsvOptions } from './csv-table.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { checkDelimiter, emptyCsvError, isBlankCsv } from './parse-csv-rules.js';
import { SNIFF_LENGTH } from './sniff-decimal.js';

/** How far a long read has come: sent after each chunk of bytes. */
export interface CsvProgress {
  readonly bytesRead: number;
  /** The size of the data, when known (a file, a Blob, bytes; not a stream). */
  readonly totalBytes?: number;
  /** Data rows read so far. */
  readonly rows: number;
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
    head.push(next.value);
    bytesRead += next.value.length;
  }
  const start = new TextDecoder().decode(concatenate(head, bytesRead).subarray(0, SNIFF_LENGTH));
  if (isBlankCsv(start)) throw emptyCsvError(options.file ?? 'The data', options.file);
  const table = new CsvBytesTable(start, options, hint, sizing.expectedRows);
  const report = () => options.onProgress?.({ bytesRead, ...(sizing.totalBytes === undefined ? {} : { totalBytes: sizing.totalBytes }), rows: table.rows });
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

function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
