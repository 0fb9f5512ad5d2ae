import { open } from 'node:fs/promises';
import type { CsvBytesTable } from '../data/csv-bytes-table.js';
import { beginSecondPart } from '../data/csv-part-table.js';
import { csvProgress, openCsvBytesTable, type ReadCsvOptions } from '../data/csv-read-chunks.js';
import type { CsvTable } from '../data/csv-table.js';
import type { HintWriter } from '../data/option-hint.js';
import { emptyCsvError } from '../data/parse-csv-rules.js';
import { countLines } from './count-lines.js';
import { fileChunks } from './file-chunks.js';
import { startCsvPartThread, type SharedStorage } from './csv-part-thread.js';

/** What readCsv knows of the file before reading it. */
export interface CsvFilePlan {
  readonly size: number;
  /** The delimiter, settled (given or sniffed). */
  readonly delimiter: string;
  /** Split at the first line feed at or after this offset (default: FIRST_SHARE of the size). */
  readonly splitNear?: number;
}

/**
 * The share of the file read on this thread. NOTE: the worker starts later (about 0.1 s to boot)
 * and counts the whole file's lines; this thread maps the memory of its rows and copies the
 * rows it read before the shared columns arrived. Measured on the 2-core benchmark machine
 * (1M-row files, 3 reads a share), half was fastest or tied: mixed 1.00 s at 0.50 and 0.52,
 * 1.05 s at 0.47, 1.08 s at 0.57; numeric 1.66 s at 0.50, 1.74 s at 0.47, 1.79 s at 0.52.
 */
const FIRST_SHARE = 0.5;

/**
 * Reads a CSV file on two threads: this one reads up to a line feed past FIRST_SHARE of it, a worker
 * thread reads from there to the end (CsvPartTable), and the worker's columns are merged into
 * this thread's (CsvBytesTable.merge) before the finish-time rules run, so the table, its
 * warnings and its errors are exactly those of reading the file in one pass.
 *
 * The split is speculative: the reader of the first part is the authority on where records end.
 * If the split falls inside a record (a quoted line break), if the worker fails (an error in its
 * part, a ragged row), or if a column cannot merge (numbers in one part, text in the other), the
 * worker's part is dropped and this thread reads the rest itself, which raises any error with
 * its line in the whole file.
 */
export async function readCsvInParts(file: string, options: ReadCsvOptions, hint: HintWriter, plan: CsvFilePlan): Promise<CsvTable> {
  return (await readCsvParts(file, options, hint, plan)).table;
}

/** readCsvInParts, also saying whether the worker's part was merged (false: read here after all). */
export async function readCsvParts(
  file: string,
  options: ReadCsvOptions,
  hint: HintWriter,
  plan: CsvFilePlan,
): Promise<{ readonly table: CsvTable; readonly merged: boolean }> {
  const { size } = plan;
  const split = await lineStartAfter(file, Math.floor(plan.splitNear ?? size * FIRST_SHARE), size);
  const tableOptions = { ...options, delimiter: plan.delimiter, file };
  let table: CsvBytesTable | undefined;
  const began = performance.now();
  let bytesRead = 0;
  let worker: { bytes: number; rows: number } | undefined = { bytes: 0, rows: 0 };
  // NOTE: the thread starts first and counts the lines on both sides of the split (to store its
  // part in shared columns for the whole file, with room in front for the rows here) while this
  // thread reads the header and parses. Each shared column arrives here once made, and the rows
  // read here go on in it (CsvBytesTable.adopt): no row is copied to the other side.
  const progress = (bytes: number, rows: number) => worker && (worker = { bytes, rows });
  const adopt = ({ column, kind, whole, room }: SharedStorage) => worker && table?.adopt(column, kind, whole, room);
  const thread = split < size ? startCsvPartThread({ file, start: split }, progress, adopt) : undefined;
  // NOTE: read here alone, the file's lines counted first size every column once (as readCsv does).
  const lines = thread === undefined ? await countLines(file) : undefined;
  const expectedRows = lines === undefined ? undefined : Math.max(0, lines - 1);
  let ending: 'lf' | 'crlf' | undefined;
  const report = () =>
    options.onProgress?.(csvProgress(bytesRead + (worker?.bytes ?? 0), table!.rows + (worker?.rows ?? 0), (performance.now() - began) / 1000, size));
  const read = async (start: number, end: number) => {
    if (start >= end) return;
    for await (const chunk of fileChunks(file, start, end)) {
      if (table === undefined) {
        table = openCsvBytesTable(chunk, tableOptions, hint, expectedRows);
        table.push(chunk);
        ending = thread && beginSecondPart(thread, table, tableOptions);
      } else table.push(chunk);
      bytesRead += chunk.length;
      report();
    }
  };
  let merged = false;
  try {
    await read(0, split);
    const boundary = table?.boundary();
    const part = boundary !== undefined && ending !== undefined && boundary.ending === ending ? await thread!.part : undefined;
    merged = part !== undefined && table!.merge(part, boundary!.lines);
    // NOTE: from here the worker's progress no longer counts (merged, or read here instead).
    worker = undefined;
    thread?.stop();
    if (merged) {
      bytesRead = size;
      report();
    } else await read(split, size);
  } finally {
    thread?.stop();
  }
  if (table === undefined) throw emptyCsvError(file, file);
  return { table: table.end(), merged };
}

/** The offset just past the first line feed at or after `offset` (`size` if there is none). */
async function lineStartAfter(file: string, offset: number, size: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let at = offset; at < size; at += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      const found = buffer.subarray(0, bytesRead).indexOf(10);
      if (found >= 0) return at + found + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await handle.close();
  }
}
