import type { CsvPartStart } from '../data/csv-part-table.js';
import type { StorageKind, TablePart } from '../data/table-part.js';

/**
 * What a CSV part worker starts with (its workerData): the part of `file` from byte `start` to
 * its end. The worker counts the lines on both sides of `start` to size its columns, then waits
 * for the rest of its job (a `ToCsvPartWorker`), known once the caller has read the header.
 */
export interface CsvPartWork {
  readonly file: string;
  readonly start: number;
}

/**
 * What a CSV part worker posts: each column array it makes in shared memory (for the caller to
 * write the rows before the part into, from index 0 up to `room`, see PartLayout), progress after
 * each chunk, then the part or its failure.
 */
export type FromCsvPartWorker =
  | { readonly type: 'storage'; readonly column: number; readonly kind: StorageKind; readonly whole: Float32Array | Int32Array; readonly room: number }
  | { readonly type: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly type: 'done'; readonly part: TablePart }
  | { readonly type: 'failed'; readonly message: string };

/** The rest of a CSV part worker's job, sent once the caller has read the file's header. */
export interface ToCsvPartWorker {
  readonly job: CsvPartStart;
}
