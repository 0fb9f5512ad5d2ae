import { open } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';

/** A Parquet file opened for reading in slices (the footer, then one column chunk at a time). */
export interface ParquetFile extends AsyncBuffer {
  close(): Promise<void>;
}

/**
 * Opens `path` as hyparquet's AsyncBuffer: each slice is one positioned read, so a file larger
 * than memory is never read whole. Close it when done.
 */
export async function openParquetFile(path: string): Promise<ParquetFile> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const bytes = new Uint8Array(Math.max(0, end - start));
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.buffer;
    },
    close: () => handle.close(),
  };
}
