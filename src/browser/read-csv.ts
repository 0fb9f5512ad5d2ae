import type { ReadCsvOptions as BytesReadCsvOptions } from '../data/csv-read-chunks.js';
import type { CsvTable } from '../data/csv-table.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import { readCsv as readCsvOnOneThread, type CsvBytesSource } from '../data/read-csv.js';
import { readBlobCsvParts } from './read-csv-in-parts.js';

/** The browser's readCsv options: the root's (see nn.data.readCsv), and `parallel`. */
export interface ReadCsvOptions extends BytesReadCsvOptions {
  /**
   * Read a large File or Blob (16 MiB or more) in two parts at once, on the page's thread and a
   * Web Worker, when the device has more than one core (default true). The table is the same
   * either way, but for a moment at the end of a two-part read its columns exist twice (the two
   * parts, and the arrays they are joined into). False reads on the calling thread only, which is
   * faster when other work keeps the cores busy. A page whose Content-Security-Policy forbids
   * blob: workers reads on one thread either way.
   */
  readonly parallel?: boolean;
}

/**
 * The smallest Blob read in two parts, as in Node. NOTE: measured in Chromium on 2 cores (mixed
 * CSV, median of 5, two parts against one thread): 15.6 MB 0.36 s against 0.33 s, 23 MB 0.43 to
 * 0.46 s against 0.46 s, 47 MB 0.73 s against 0.86 s: below about 20 MB a worker's start and the
 * join cost more than they save.
 */
const PARALLEL_BYTES = 16 << 20;

/**
 * nn.data.readCsv in a browser: the root's reader (a File, Blob, ReadableStream or bytes; the same
 * table, warnings and errors), which reads a large File or Blob in two parts at once (see
 * `parallel`): the page's thread reads the first half while a Web Worker reads the second.
 *
 *   const table = await nn.data.readCsv(input.files[0], { target: 'churned', onProgress: show });
 */
export async function readCsv(source: CsvBytesSource, options: ReadCsvOptions = {}, hint: HintWriter = libraryHint): Promise<CsvTable> {
  const { parallel, ...rest } = options;
  // NOTE: hardwareConcurrency counts logical cores; a worker on a one-core device only competes.
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  if ((parallel ?? cores > 1) && typeof Blob !== 'undefined' && source instanceof Blob && source.size >= PARALLEL_BYTES) {
    const name = (source as Blob & { name?: unknown }).name;
    const named = rest.file === undefined && typeof name === 'string' && name !== '' ? { ...rest, file: name } : rest;
    return (await readBlobCsvParts(source, named, hint)).table;
  }
  return readCsvOnOneThread(source, rest, hint);
}
