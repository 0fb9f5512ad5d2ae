import { open } from 'node:fs/promises';
import { CsvBytesTable } from '../data/csv-bytes-table.js';
import { tableOptions as partOptions } from '../data/csv-part-table.js';
import { csvProgress, type ReadCsvOptions } from '../data/csv-read-chunks.js';
import type { CsvTable } from '../data/csv-table.js';
import type { HintWriter } from '../data/option-hint.js';
import { emptyCsvError, isBlankCsv } from '../data/parse-csv-rules.js';
import { SNIFF_LENGTH } from '../data/sniff-decimal.js';
import { countLines } from './count-lines.js';
import { fileChunks } from './file-chunks.js';
import { startCsvPartThread, type CsvPartThread } from './csv-part-thread.js';

/** What readCsv knows of the file before reading it. */
export interface CsvFilePlan {
  readonly size: number;
  /** The delimiter, settled (given or sniffed). */
  readonly delimiter: string;
  /** Split at the first line feed at or after this offset (default: the middle). */
  readonly splitNear?: number;
}

/**
 * Reads a CSV file on two threads: this one reads up to a line feed near the middle, a worker
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
  const split = await lineStartAfter(file, Math.floor(plan.splitNear ?? size / 2), size);
  const tableOptions = { ...options, delimiter: plan.delimiter, file };
  let table: CsvBytesTable | undefined;
  const began = performance.now();
  let bytesRead = 0;
  let worker: { bytes: number; rows: number } | undefined = { bytes: 0, rows: 0 };
  const thread = await startSecondPart(file, split, size, tableOptions, hint, (bytes, rows) => worker && (worker = { bytes, rows }));
  // NOTE: each thread counts the lines of its part. The worker then stores its part in columns
  // for the whole file, leaving room in front for the rows here (at most the lines here less
  // the header), and the merge takes those columns over: no column is copied twice.
  const linesBefore = await countLines(file, 0, split);
  const linesAfter = thread !== undefined ? await thread.lines : await countLines(file, split);
  const before = linesBefore === undefined ? undefined : Math.max(0, linesBefore - 1);
  const whole = before === undefined || linesAfter === undefined ? undefined : before + linesAfter;
  thread?.size(whole === undefined ? undefined : { expectedRows: whole, start: before! });
  const expectedRows = thread !== undefined ? before : whole;
  const report = () =>
    options.onProgress?.(csvProgress(bytesRead + (worker?.bytes ?? 0), table!.rows + (worker?.rows ?? 0), (performance.now() - began) / 1000, size));
  const read = async (start: number, end: number) => {
    if (start >= end) return;
    for await (const chunk of fileChunks(file, start, end)) {
      table ??= openTable(chunk, tableOptions, hint, expectedRows);
      table.push(chunk);
      bytesRead += chunk.length;
      report();
    }
  };
  let merged = false;
  try {
    await read(0, split);
    const boundary = table?.boundary();
    const part = boundary !== undefined && boundary.ending === thread?.ending ? await thread.part : undefined;
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

/**
 * Starts the worker thread reading from `split` to the end, once the header and the line ending
 * are known from the file's first 64 KiB; undefined when they are not (a header longer than
 * that, CR line endings, an error there: the one-pass read then says what it is).
 */
async function startSecondPart(
  file: string,
  split: number,
  size: number,
  options: ReadCsvOptions,
  hint: HintWriter,
  onProgress: (bytes: number, rows: number) => void,
): Promise<(CsvPartThread & { readonly ending: 'lf' | 'crlf' }) | undefined> {
  if (split >= size) return undefined;
  const head = await readBytes(file, 0, Math.min(SNIFF_LENGTH, split));
  let probe: CsvBytesTable;
  try {
    probe = openTable(head, options, hint, undefined);
    probe.push(head);
  } catch {
    return undefined;
  }
  const { header, lineEnding: ending } = probe;
  if (header === undefined || ending === undefined) return undefined;
  const work = { file, start: split, header, ending, delimiter: probe.delimiter, decimal: probe.decimal, options: partOptions(options) };
  return { ...startCsvPartThread(work, onProgress), ending };
}

/** The reader of the file's start, sniffing from its first 64 KiB as readCsvChunks does. */
function openTable(chunk: Uint8Array, options: ReadCsvOptions, hint: HintWriter, expectedRows: number | undefined): CsvBytesTable {
  const start = new TextDecoder().decode(chunk.subarray(0, SNIFF_LENGTH));
  if (isBlankCsv(start)) throw emptyCsvError(options.file ?? 'The data', options.file);
  return new CsvBytesTable(start, options, hint, expectedRows);
}

/** Bytes [start, end) of the file (fewer at its end). */
async function readBytes(file: string, start: number, end: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
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
