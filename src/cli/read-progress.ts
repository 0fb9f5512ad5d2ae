import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { CsvProgress } from '../node/read-csv.js';
import { isTerminal } from './cli-io.js';

/** Files smaller than this are read in a blink: no bar. */
const MIN_BYTES_FOR_BAR = 16 << 20;

export interface ReadProgress {
  /** readCsv's onProgress, or undefined when nothing is shown (not a terminal, --quiet). */
  readonly onProgress?: (progress: CsvProgress) => void;
  /** Ends the bar (after the read, or when it failed). */
  stop(): void;
}

/**
 * A cli-progress bar over a CSV file's bytes while `nnkit train` reads it, on a terminal and for
 * files of at least 16 MiB: the share read, the rows, MB and rows per second, and the time left.
 * Elsewhere (a pipe, a test, --quiet) nothing. `label` names the pass (e.g. `score`).
 */
export function readProgress(stream: Writable, quiet: boolean, label = 'read'): ReadProgress {
  if (quiet || !isTerminal(stream)) return { stop: () => {} };
  let bar: SingleBar | undefined;
  const onProgress = (progress: CsvProgress) => {
    const total = progress.totalBytes;
    if (total === undefined || total < MIN_BYTES_FOR_BAR) return;
    const payload = {
      rows: progress.rows.toLocaleString('en-US'),
      mbPerSecond: (progress.bytesPerSecond / 1e6).toFixed(0),
      rowsPerSecond: Math.round(progress.rowsPerSecond).toLocaleString('en-US'),
      left: (progress.secondsLeft ?? 0).toFixed(0),
    };
    if (bar === undefined) {
      bar = new SingleBar(
        { format: `${label} |{bar}| {percentage}% | {rows} rows | {mbPerSecond} MB/s, {rowsPerSecond} rows/s | {left} s left`, stream, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(total, progress.bytesRead, payload);
    } else bar.update(progress.bytesRead, payload);
  };
  return { onProgress, stop: () => bar?.stop() };
}
