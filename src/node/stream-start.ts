import { Readable } from 'node:stream';

/** A stream's first bytes, read ahead, and the whole stream again from its first byte. */
export interface StreamStart {
  /** At least `bytes` bytes from the start (fewer only when the stream is shorter). */
  readonly start: Buffer;
  /** The stream from its first byte: the bytes read ahead, then the rest as it arrives. */
  readonly whole: Readable;
}

/**
 * Reads ahead the start of a stream that can be read only once (standard input, a pipe), so its
 * conventions can be sniffed like a file's, and gives the stream back whole for parsing. Only the
 * start is held in memory; the rest flows through with backpressure.
 */
export async function readStreamStart(stream: Readable, bytes: number): Promise<StreamStart> {
  const chunks = stream[Symbol.asyncIterator]();
  const ahead: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await chunks.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    ahead.push(chunk);
    length += chunk.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* ahead;
      if (ended) return;
      // NOTE: the same iterator continues where the read-ahead stopped; a new one would start over.
      for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value as Buffer;
    } finally {
      // NOTE: a parser that stops early (a bad row) releases the stream, as it closes a file.
      await chunks.return?.();
    }
  }
  return { start: Buffer.concat(ahead), whole: Readable.from(replay(), { objectMode: false }) };
}
