import { Worker } from 'node:worker_threads';
import type { TablePart } from '../data/table-part.js';
import type { CsvPartWork, FromCsvPartWorker, ToCsvPartWorker } from './csv-part-messages.js';
import { WORKER_SOURCE } from './generated/csv-part/worker-source.js';

/** A worker thread reading a CSV file's second part (see csv-part-worker.ts). */
export interface CsvPartThread {
  /** The lines of the part's bytes, counted first (undefined if the thread failed). */
  readonly lines: Promise<number | undefined>;
  /** The part, or undefined if the thread failed for any reason (the caller then reads the bytes itself). */
  readonly part: Promise<TablePart | undefined>;
  /** Sends the sizes of the columns, which the thread waits for after counting its lines. */
  size(sizes: ToCsvPartWorker['sizes']): void;
  /** Ends the thread (harmless once it has finished). */
  stop(): void;
}

/** Starts a thread reading `work`; `onProgress` gets its bytes and rows read so far. */
export function startCsvPartThread(work: CsvPartWork, onProgress: (bytes: number, rows: number) => void): CsvPartThread {
  const thread = new Worker(WORKER_SOURCE, { eval: true, workerData: work });
  let counted: (lines: number | undefined) => void = () => undefined;
  const lines = new Promise<number | undefined>((resolve) => (counted = resolve));
  const part = new Promise<TablePart | undefined>((resolve) => {
    const failed = () => {
      counted(undefined);
      resolve(undefined);
    };
    thread.on('message', (message: FromCsvPartWorker) => {
      if (message.type === 'lines') counted(message.lines);
      else if (message.type === 'progress') onProgress(message.bytes, message.rows);
      else if (message.type === 'done') resolve(message.part);
      else failed();
    });
    thread.on('error', failed);
    thread.on('exit', failed);
  });
  return { lines, part, size: (sizes) => thread.postMessage({ sizes } satisfies ToCsvPartWorker), stop: () => void thread.terminate() };
}
