import type { CsvPartJob } from '../data/csv-part-table.js';
import type { StorageKind, TablePart } from '../data/table-part.js';

/**
 * What a page posts to a CSV part Web Worker: first the part, the bytes of `blob` from `start` (a
 * line start) to its end, which the worker begins counting the lines of at once; then, once the
 * page has read the header, the rest of the job. `shared`: store the columns in shared memory
 * (a cross-origin isolated page), else in plain arrays transferred back with the part.
 */
export type ToCsvPartWorker =
  | { readonly type: 'work'; readonly blob: Blob; readonly start: number; readonly shared: boolean; readonly file?: string }
  | { readonly type: 'job'; readonly job: Omit<CsvPartJob, 'sizes' | 'file' | 'share'> };

/**
 * What a CSV part Web Worker posts: each column array it makes in shared memory (for the page to
 * write the rows before the part into, from index 0 up to `room`, see PartLayout), progress after
 * each chunk, then the part or its failure.
 */
export type FromCsvPartWorker =
  | { readonly type: 'storage'; readonly column: number; readonly kind: StorageKind; readonly whole: Float32Array | Int32Array; readonly room: number }
  | { readonly type: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly type: 'done'; readonly part: TablePart }
  | { readonly type: 'failed'; readonly message: string };
