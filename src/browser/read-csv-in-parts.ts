import type { CsvBytesTable } from '../data/csv-bytes-table.js';
import { beginSecondPart } from '../data/csv-part-table.js';
import { csvProgress, openCsvBytesTable, type ReadCsvOptions } from '../data/csv-read-chunks.js';
import type { CsvTable } from '../data/csv-table.js';
import type { HintWriter } from '../data/option-hint.js';
import { checkDelimiter, emptyCsvError } from '../data/parse-csv-rules.js';
import { readCsv } from '../data/read-csv.js';
import { SNIFF_LENGTH } from '../data/sniff-decimal.js';
import { concatArrays } from '../utils/concat-arrays.js';
import type { PartLayoutKind } from './csv-part-messages.js';
import { startCsvPartWebWorker, type SharedStorage } from './csv-part-web-worker.js';

/**
 * The share of the Blob read on the page's thread. NOTE: each thread reads and parses only its own
 * bytes (LAYOUT 'chunks'), so half; 0.55 measured the same (bench/browser-csv-parts.ts).
 */
const FIRST_SHARE = 0.5;

/** The longest wait for the worker's program to start before this thread reads alone meanwhile. */
const STARTUP_WAIT_MS = 2000;

/**
 * How the worker stores its columns (see PartLayoutKind). NOTE: 'chunks' even on a cross-origin
 * isolated page, unlike Node's shared columns: sizing whole-Blob columns needs the lines counted
 * first, which reads the whole Blob once more, and a Blob's bytes come through the browser process
 * at about 200 MB/s (0.7 s of 157 MB, as long as parsing half of it), more than the copy it saves
 * (about 0.3 s to merge and join 1M × 19 columns). Measured in Chromium on the 2-core machine
 * (bench/browser-csv-parts.ts, 157 MB mixed CSV, median of 5, nothing else running): one thread
 * 2.54 s, 'chunks' 1.85 s, 'shared' 2.01 s with the page reading 0.6 (its best share; with others'
 * work running, best of 4: 'chunks' 1.76 s, 'shared' 2.26 s at 0.5, 'counted' 2.50 s). The price:
 * for a moment at the end the columns exist twice (the parts and the joined arrays), where
 * 'shared' holds them once.
 */
const LAYOUT: PartLayoutKind = 'chunks';

/**
 * Reads a CSV Blob (or File) on two threads: the page's reads up to a line feed past FIRST_SHARE
 * of it, a Web Worker reads from there to the end (CsvPartTable), and the worker's columns are
 * merged into the page's (CsvBytesTable.merge) before the finish-time rules run, so the table,
 * its warnings and its errors are exactly those of reading the Blob in one pass. The browser
 * twin of Node's readCsvParts.
 *
 * The worker's columns come back transferred with its part and are copied in after the page's
 * rows (LAYOUT); `plan.layout` 'counted' or 'shared' (tests, bench) stores them as Node does, in
 * whole-Blob arrays, shared on a cross-origin isolated page, which the page writes its rows into.
 *
 * The split is speculative: the reader of the first part is the authority on where records end.
 * If the split falls inside a record (a quoted line break), if the worker fails or cannot start
 * (a Content-Security-Policy without blob: workers), or if a column cannot merge, the worker's
 * part is dropped and the page reads the rest itself, which raises any error with its line.
 * `plan.splitNear` (tests) puts the split at the first line feed at or after it.
 */
export async function readBlobCsvParts(
  blob: Blob,
  options: ReadCsvOptions,
  hint: HintWriter,
  plan: { readonly splitNear?: number; readonly layout?: PartLayoutKind } = {},
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
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  const wanted = plan.layout ?? LAYOUT;
  const layout = wanted === 'shared' && !isolated ? 'counted' : wanted;
  const second = split < size ? startCsvPartWebWorker({ blob, start: split, layout, file: options.file }, progress, adopt) : undefined;
  if (second === undefined) return { table: await readCsv(blob, options, hint), merged: false };
  // NOTE: Chromium starts a worker's program only when the page's thread runs its event loop,
  // which reading the Blob barely does (its chunks arrive as microtasks): without this wait the
  // worker began once this thread had read its whole part. A refused worker settles it too; the
  // timeout only bounds the wait, as reading here alone stays correct.
  await Promise.race([second.started, new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS))]);
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
    // NOTE: no line count ahead (it would read the Blob once more, see LAYOUT): the columns here
    // grow in chunks, joined with the worker's at the end (or moved into its whole-Blob arrays).
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
