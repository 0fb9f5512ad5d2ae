import type { TablePart } from '../data/table-part.js';
import type { FromCsvPartWorker, ToCsvPartWorker } from './csv-part-messages.js';
import { WORKER_SOURCE } from './generated/csv-part/worker-source.js';

/** A Web Worker reading a CSV Blob's second part (see csv-part-worker.ts). */
export interface CsvPartWebWorker {
  /** Settled once the worker's program runs, or it failed. */
  readonly started: Promise<void>;
  /** The part, or undefined if the worker failed for any reason (the page then reads the bytes itself). */
  readonly part: Promise<TablePart | undefined>;
  /** Sends the rest of the job (the header, conventions and options), which the worker waits for. */
  begin(job: Extract<ToCsvPartWorker, { type: 'job' }>['job']): void;
  /** Ends the worker (harmless once it has finished). */
  stop(): void;
}

/** A column array the worker made in shared memory, for the rows before its part (see PartLayout). */
export type SharedStorage = Extract<FromCsvPartWorker, { type: 'storage' }>;

let url: string | undefined;

/**
 * Starts a Web Worker reading `work`; it waits for `begin` to give it the header (counting lines
 * meanwhile for the 'counted' and 'shared' layouts).
 * `onProgress` gets its bytes and rows read so far, `onStorage` each shared column array.
 * Undefined when no worker can start here (no Worker, or the page forbids blob: workers and the
 * browser says so at once); a worker refused later fails its `part` instead.
 */
export function startCsvPartWebWorker(
  work: Omit<Extract<ToCsvPartWorker, { type: 'work' }>, 'type'>,
  onProgress: (bytes: number, rows: number) => void,
  onStorage: (storage: SharedStorage) => void,
): CsvPartWebWorker | undefined {
  if (typeof Worker !== 'function') return undefined;
  let web: Worker;
  try {
    url ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    web = new Worker(url);
  } catch {
    return undefined;
  }
  let ran: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ran = resolve));
  const part = new Promise<TablePart | undefined>((resolve) => {
    web.onmessage = ({ data: message }: MessageEvent<FromCsvPartWorker>) => {
      if (message.type === 'started') ran();
      else if (message.type === 'progress') onProgress(message.bytes, message.rows);
      else if (message.type === 'storage') onStorage(message);
      else resolve(message.type === 'done' ? message.part : undefined);
    };
    // NOTE: a Content-Security-Policy without blob: in worker-src refuses the worker here, after
    // the constructor returned (Chromium logs the violation); preventDefault keeps the error
    // from reaching the page's onerror, as the page reads the part itself.
    web.onerror = (event) => {
      event.preventDefault();
      ran();
      resolve(undefined);
    };
    web.onmessageerror = () => resolve(undefined);
  });
  web.postMessage({ type: 'work', ...work } satisfies ToCsvPartWorker);
  return {
    started,
    part,
    begin: (job) => web.postMessage({ type: 'job', job } satisfies ToCsvPartWorker),
    stop: () => web.terminate(),
  };
}
