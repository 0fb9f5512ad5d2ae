import type { CsvBytesTable } from '../data/csv-bytes-table.js';
import { tableOptions as partOptions } from '../data/csv-part-table.js';
import { csvProgress, openCsvBytesTable, type ReadCsvOptions } from '../data/csv-read-chunks.js';
import type { CsvTable } from '../data/csv-table.js';
import type { HintWriter } from '../data/option-hint.js';
import { checkDelimiter, emptyCsvError } from '../data/parse-csv-rules.js';
import { readCsv } from '../data/read-csv.js';
import { SNIFF_LENGTH } from '../data/sniff-decimal.js';
import { concatArrays } from '../utils/concat-arrays.js';
import { startCsvPartWebWorker, type CsvPartWebWorker, type SharedStorage } from './csv-part-web-worker.js';

/**
 * The share of the Blob read on the page's thread. NOTE: as in Node (src/node/read-csv-in-parts.ts,
 * where half was fastest or tied): the worker starts later and counts the whole Blob's lines first.
 */
const FIRST_SHARE = 0.5;

/**
 * Reads a CSV Blob (or File) on two threads: the page's reads up to a line feed past FIRST_SHARE
 * of it, a Web Worker reads from there to the end (CsvPartTable), and the worker's columns are
 * merged into the page's (CsvBytesTable.merge) before the finish-time rules run, so the table,
 * its warnings and its errors are exactly those of reading the Blob in one pass. The browser
 * twin of Node's readCsvParts.
 *
 * On a cross-origin isolated page the worker's columns are whole-Blob arrays in shared memory,
 * which the page adopts and writes its own rows into as it reads (no row copied); elsewhere they
 * are transferred back with the part and the page's rows are copied in front of them.
 *
 * The split is speculative: the reader of the first part is the authority on where records end.
 * If the split falls inside a record (a quoted line break), if the worker fails or cannot start
 * (a Content-Security-Policy without blob: workers), or if a column cannot merge, the worker's
 * part is dropped and the page reads the rest itself, which raises any error with its line.
 * `splitNear` (tests) puts the split at the first line feed at or after it.
 */
export async function readBlobCsvParts(
  blob: Blob,
  options: ReadCsvOptions,
  hint: HintWriter,
  plan: { readonly splitNear?: number } = {},
): Promise<{ readonly table: CsvTable; readonly merged: boolean }> {
  if (options.delimiter !== undefined) checkDelimiter(options.delimiter);
  const size = blob.size;
  const split = await lineStartAfter(blob, Math.floor(plan.splitNear ?? size * FIRST_SHARE));
  let table: CsvBytesTable | undefined;
  const began = performance.now();
  let bytesRead = 0;
  let worker: { bytes: number; rows: number } | undefined = { bytes: 0, rows: 0 };
  const progress = (bytes: number, rows: number) => worker && (worker = { bytes, rows });
  const adopt = ({ column, kind, whole, room }: SharedStorage) => worker && table?.adopt(column, kind, whole, room);
  // NOTE: SharedArrayBuffer exists only on a cross-origin isolated page (COOP + COEP headers).
  const shared = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  const second = split < size ? startCsvPartWebWorker({ blob, start: split, shared, file: options.file }, progress, adopt) : undefined;
  if (second === undefined) return { table: await readCsv(blob, options, hint), merged: false };
  let ending: 'lf' | 'crlf' | undefined;
  const report = () =>
    options.onProgress?.(csvProgress(bytesRead + (worker?.bytes ?? 0), table!.rows + (worker?.rows ?? 0), (performance.now() - began) / 1000, size));
  const read = async (start: number, end: number) => {
    const head: Uint8Array[] = [];
    for await (const chunk of blobChunks(blob.slice(start, end))) {
      bytesRead += chunk.length;
      if (table !== undefined) {
        table.push(chunk);
        report();
        continue;
      }
      // NOTE: the conventions are sniffed from the first 64 KiB, as readCsvChunks does.
      head.push(new Uint8Array(chunk));
      if (bytesRead < SNIFF_LENGTH) continue;
      open(head.length === 1 ? head[0] : concatArrays(head, Uint8Array));
      head.length = 0;
    }
    if (table === undefined && head.length > 0) open(concatArrays(head, Uint8Array));
  };
  const open = (first: Uint8Array) => {
    // NOTE: no line count ahead: the columns here grow in chunks until the worker's whole-Blob
    // arrays take their rows over (adopted, or at the merge).
    table = openCsvBytesTable(first, options, hint, undefined);
    table.push(first);
    ending = beginSecondPart(second, table, options);
    report();
  };
  let merged = false;
  try {
    await read(0, split);
    const boundary = table?.boundary();
    const found = boundary !== undefined && ending !== undefined && boundary.ending === ending ? await second.part : undefined;
    merged = found !== undefined && table!.merge(found, boundary!.lines);
    // NOTE: from here the worker's progress no longer counts (merged, or read here instead).
    worker = undefined;
    second.stop();
    if (merged) {
      bytesRead = size;
      report();
    } else await read(split, size);
  } finally {
    second.stop();
  }
  if (table === undefined) throw emptyCsvError(options.file ?? 'The data', options.file);
  return { table: (table as CsvBytesTable).end(), merged };
}

/**
 * Gives the worker the rest of its job once the page's reader has read the first 64 KiB, and
 * returns the line ending it was given; undefined (the worker stopped) when the header or the line
 * ending are not known by then (a longer header, CR line endings): the page reads the whole Blob.
 */
function beginSecondPart(worker: CsvPartWebWorker, table: CsvBytesTable, options: ReadCsvOptions): 'lf' | 'crlf' | undefined {
  const { header, lineEnding: ending } = table;
  if (header === undefined || ending === undefined) {
    worker.stop();
    return undefined;
  }
  worker.begin({ header, ending, delimiter: table.delimiter, decimal: table.decimal, options: partOptions(options) });
  return ending;
}

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    reader.releaseLock();
  }
}

/** The offset just past the first line feed at or after `offset` (the Blob's size if there is none). */
async function lineStartAfter(blob: Blob, offset: number): Promise<number> {
  const step = 1 << 16;
  for (let at = offset; at < blob.size; at += step) {
    const bytes = new Uint8Array(await blob.slice(at, at + step).arrayBuffer());
    const found = bytes.indexOf(10);
    if (found >= 0) return at + found + 1;
  }
  return blob.size;
}
