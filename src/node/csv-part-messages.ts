import type { CsvPartJob } from '../data/csv-part-table.js';
import type { TablePart } from '../data/table-part.js';

/**
 * The work of a CSV part worker (its workerData): read `file` from byte `start` to its end, once
 * the caller has sent the sizes of the columns (a `ToCsvPartWorker`).
 */
export interface CsvPartWork extends Omit<CsvPartJob, 'sizes'> {
  readonly file: string;
  readonly start: number;
}

/**
 * What a CSV part worker posts: the lines of its bytes (counted first, so the reader of the start
 * can size its columns for the whole file), progress after each chunk, then the part or its failure.
 */
export type FromCsvPartWorker =
  | { readonly type: 'lines'; readonly lines: number | undefined }
  | { readonly type: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly type: 'done'; readonly part: TablePart }
  | { readonly type: 'failed'; readonly message: string };

/** What the caller sends a CSV part worker once both parts' lines are counted (see CsvPartJob). */
export interface ToCsvPartWorker {
  readonly sizes: CsvPartJob['sizes'];
}
