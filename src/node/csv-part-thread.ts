import { Worker } from 'node:worker_threads';
import type { TablePart } from '../data/table-part.js';
import type { CsvPartWork, FromCsvPartWorker, ToCsvPartWorker } from './csv-part-messages.js';
import { WORKER_SOURCE } from './generated/csv-part/worker-source.js';

/** A worker thread reading a CSV file's second part (see csv-part-worker.ts). */
export interface CsvPartThread {
  /** The part, or undefined if the thread failed for any reason (the caller then reads the bytes itself). */
  readonly part: Promise<TablePart | undefined>;
  /** Sends the rest of the job (the header, conventions and options), which the thread waits for. */
  begin(job: ToCsvPartWorker['job']): void;
  /** Ends the thread (harmless once it has finished). */
  stop(): void;
}

/** A column array the thread made in shared memory, for the rows before its part (see PartLayout). */
export type SharedStorage = Extract<FromCsvPartWorker, { type: 'storage' }>;

/**
 * Starts a thread reading `work`; it counts lines until `begin` gives it the header.
 * `onProgress` gets its bytes and rows read so far, `onStorage` each shared column array.
 */
export function startCsvPartThread(
  work: CsvPartWork,
  onProgress: (bytes: number, rows: number) => void,
  onStorage: (storage: SharedStorage) => void,
): CsvPartThread {
  // NOTE: the part's columns live in shared memory, outside the thread's heap, and its parser
  // makes few objects: a 1 MiB young generation (V8's default is 16 MiB or more) takes about 8 MiB
  // off the peak of a 1M-row mixed read (two runs each way, /usr/bin/time), at the same seconds.
  const thread = new Worker(WORKER_SOURCE, { eval: true, workerData: work, resourceLimits: { maxYoungGenerationSizeMb: 1 } });
  const part = new Promise<TablePart | undefined>((resolve) => {
    thread.on('message', (message: FromCsvPartWorker) => {
      if (message.type === 'progress') onProgress(message.bytes, message.rows);
      else if (message.type === 'storage') onStorage(message);
      else resolve(message.type === 'done' ? message.part : undefined);
    });
    thread.on('error', () => resolve(undefined));
    thread.on('exit', () => resolve(undefined));
  });
  return { part, begin: (job) => thread.postMessage({ job } satisfies ToCsvPartWorker), stop: () => void thread.terminate() };
}
