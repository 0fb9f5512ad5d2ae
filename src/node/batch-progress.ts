import { csvProgress, type CsvProgress } from '../data/csv-read-chunks.js';

/** Counts the bytes and rows a batch reader has read, for its onProgress (see `batchProgress`). */
export interface BatchProgress {
  /** After each chunk of bytes read. */
  read(chunk: Uint8Array): void;
  /** The batches a chunk (or the end) completed: counts their rows, reports, and returns them. */
  report<T extends { readonly rows: number }>(done: readonly T[]): readonly T[];
}

/** Progress of a batch reader over data of `size` bytes (when known), reported to `onProgress`. */
export function batchProgress(size: number | undefined, onProgress: ((progress: CsvProgress) => void) | undefined): BatchProgress {
  const began = performance.now();
  let [bytes, rows] = [0, 0];
  return {
    read: (chunk) => void (bytes += chunk.length),
    report: (done) => {
      rows += done.reduce((sum, batch) => sum + batch.rows, 0);
      onProgress?.(csvProgress(bytes, rows, (performance.now() - began) / 1000, size));
      return done;
    },
  };
}
