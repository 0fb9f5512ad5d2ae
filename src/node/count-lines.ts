import { fileChunks } from './file-chunks.js';

/**
 * Counts the lines of a file (line feeds, plus a last line without one) without decoding it: a
 * fast pre-pass so the CSV reader can size its columns once. Returns undefined if the file cannot
 * be read; the count is only a hint. `start` and `end` count the lines of bytes [start, end) only.
 */
export async function countLines(file: string, start = 0, end = Infinity): Promise<number | undefined> {
  let lines = 0;
  let last = 10;
  if (start >= end) return 0;
  try {
    for await (const chunk of fileChunks(file, start, end)) {
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
      if (chunk.length > 0) last = chunk[chunk.length - 1];
    }
  } catch {
    return undefined;
  }
  return lines + (last === 10 ? 0 : 1);
}
