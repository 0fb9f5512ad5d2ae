import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import { isTerminal } from './cli-io.js';

/** Files smaller than this predict in a blink: no bar. */
const MIN_BYTES_FOR_BAR = 1 << 20;

export interface PredictProgress {
  /** `line`: the file line of the last row done. */
  update(line: number, rows: number): void;
  stop(): void;
}

/**
 * A cli-progress bar on a terminal for long files, or nothing. The bar's total is the file's line
 * count, found by a first pass that counts newlines in constant memory (fast next to predicting),
 * so the bar is exact even when quoted fields span lines.
 */
export async function predictProgress(file: string, stream: Writable): Promise<PredictProgress | undefined> {
  if (!isTerminal(stream)) return undefined;
  if ((await stat(file)).size < MIN_BYTES_FOR_BAR) return undefined;
  const lines = await countLines(file);
  const bar = new SingleBar(
    { format: 'predict |{bar}| {percentage}% | {rows} rows | ETA {eta_formatted}', stream, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  bar.start(lines, 1, { rows: 0 });
  return {
    update: (line, rows) => bar.update(Math.min(line, lines), { rows }),
    stop: () => bar.stop(),
  };
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1];
  }
  // NOTE: a last line without a newline still counts.
  return last === 10 ? lines : lines + 1;
}
