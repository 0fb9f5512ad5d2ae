import { ConfigError, show } from '../errors.js';
import { readCsvChunks, type ReadCsvOptions } from './csv-read-chunks.js';
import type { CsvTable } from './csv-table.js';
import { libraryHint, type HintWriter } from './option-hint.js';

/** CSV bytes the root's readCsv reads: a File or Blob, a stream of bytes (fetch's body), bytes. */
export type CsvBytesSource = Blob | ReadableStream<Uint8Array> | Uint8Array;

/** Bytes handed to the tokenizer at a time when the whole data is already in memory. */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads CSV bytes into a table in any runtime: a `File` from a file input or a drop, a `Blob`,
 * a `ReadableStream<Uint8Array>` (a fetch response's body) or a `Uint8Array`. The same inference,
 * errors (file, line, column, value) and table as parseCsv and Node's readCsv(path); numbers go
 * from the bytes straight into the Float32Array columns. `onProgress` reports bytes and rows read.
 * Text is parseCsv's; in Node, readCsv also takes a file path.
 *
 *   const table = await nn.data.readCsv(input.files[0], { target: 'churned', onProgress: show });
 */
export async function readCsv(source: CsvBytesSource, options: ReadCsvOptions = {}, hint: HintWriter = libraryHint): Promise<CsvTable> {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const name = (source as Blob & { name?: unknown }).name;
    const named = options.file === undefined && typeof name === 'string' && name !== '' ? { ...options, file: name } : options;
    const expectedRows = Math.max(0, (await countBlobLines(source)) - 1);
    return readCsvChunks(streamChunks(source.stream()), named, hint, { totalBytes: source.size, expectedRows });
  }
  if (source instanceof Uint8Array) {
    const expectedRows = Math.max(0, countLines(source, 0) - 1);
    return readCsvChunks(byteChunks(source), options, hint, { totalBytes: source.length, expectedRows });
  }
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    return readCsvChunks(streamChunks(source), options, hint);
  }
  throw new ConfigError(
    'config/csv-source',
    `readCsv reads a File or Blob, a ReadableStream of bytes or a Uint8Array, but got ${typeof source === 'string' ? `the string ${show(source)}` : show(source)}. ` +
      'For CSV text use nn.data.parseCsv(text); to read a file by its path, use readCsv from the Node entry (`nnkit` in Node, or `nnkit/node`).',
  );
}

async function* byteChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Lines of a Blob (line feeds, plus a last line without one), read once ahead to size the columns. */
export async function countBlobLines(blob: Blob): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of streamChunks(blob.stream())) {
    lines += countLines(chunk, 0) - (chunk[chunk.length - 1] === 10 ? 0 : 1);
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return lines + (last === 10 ? 0 : 1);
}

/** Line feeds in `bytes`, plus one for a last line without one. */
function countLines(bytes: Uint8Array, from: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(10, from); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? lines + 1 : lines;
}
