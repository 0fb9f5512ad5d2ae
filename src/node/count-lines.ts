import { createReadStream } from 'node:fs';

/**
 * Counts the lines of a file (line feeds, plus a last line without one) without decoding it: a
 * fast pre-pass so the CSV reader can size its columns once. Returns undefined if the file cannot
 * be read; the count is only a hint.
 */
export async function countLines(file: string): Promise<number | undefined> {
  let lines = 0;
  let last = 10;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
      if (chunk.length > 0) last = chunk[chunk.length - 1];
    }
  } catch {
    return undefined;
  }
  return lines + (last === 10 ? 0 : 1);
}
