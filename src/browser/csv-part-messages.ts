import type { CsvPartStart } from '../data/csv-part-table.js';
import type { StorageKind, TablePart } from '../data/table-part.js';

/**
 * Where a CSV part Web Worker stores its columns: 'chunks', its own growing arrays, transferred
 * back with the part and copied into the page's; 'counted', arrays for the whole Blob with room
 * in front for the page's rows (the worker counts the lines on both sides of its start first, see
 * CsvPartJob.sizes), transferred back; 'shared', those arrays in shared memory (a cross-origin
 * isolated page), which the page adopts and writes its rows into as it reads.
 */
export type PartLayoutKind = 'chunks' | 'counted' | 'shared';

/**
 * What a page posts to a CSV part Web Worker: first the part, the bytes of `blob` from `start` (a
 * line start) to its end, and how to store its columns; then, once the page has read the
 * header, the rest of the job.
 */
export type ToCsvPartWorker =
  | { readonly type: 'work'; readonly blob: Blob; readonly start: number; readonly layout: PartLayoutKind; readonly file?: string }
  | { readonly type: 'job'; readonly job: CsvPartStart };

/**
 * What a CSV part Web Worker posts: that its program runs, each column array it makes in shared
 * memory (for the page to write the rows before the part into, from index 0 up to `room`, see
 * PartLayout), progress after each chunk, then the part or its failure.
 */
export type FromCsvPartWorker =
  | { readonly type: 'started' }
  | { readonly type: 'storage'; readonly column: number; readonly kind: StorageKind; readonly whole: Float32Array | Int32Array; readonly room: number }
  | { readonly type: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly type: 'done'; readonly part: TablePart }
  | { readonly type: 'failed'; readonly message: string };
