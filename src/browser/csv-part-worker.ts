// The program of the Web Worker that reads the second part of a large CSV Blob for the browser's
// readCsv (bundled into generated/csv-part/worker-source.ts by scripts/build-worker.mjs and
// started from a Blob URL of it): reads the Blob from a line start to its end into a TablePart
// and posts it back, for readBlobCsvParts to merge. The browser twin of src/node/csv-part-worker.ts.
import { CsvPartTable } from '../data/csv-part-table.js';
import { countBlobLines } from '../data/read-csv.js';
import { partBuffers, type StorageKind } from '../data/table-part.js';
import type { FromCsvPartWorker, ToCsvPartWorker } from './csv-part-messages.js';

type Work = Extract<ToCsvPartWorker, { type: 'work' }>;
type Job = Extract<ToCsvPartWorker, { type: 'job' }>;

interface WorkerScope {
  postMessage(message: FromCsvPartWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: ToCsvPartWorker }) => void) | null;
}

async function readPart({ blob, start, layout, file }: Work, post: WorkerScope['postMessage'], given: Promise<Job>): Promise<void> {
  try {
    const sizes = layout === 'chunks' ? undefined : await countSizes(blob, start);
    const { job } = await given;
    const share =
      layout === 'shared'
        ? (column: number, kind: StorageKind, whole: Float32Array | Int32Array) => post({ type: 'storage', column, kind, whole, room: sizes!.start })
        : undefined;
    const table = new CsvPartTable({ ...job, file, sizes, share });
    let bytes = 0;
    const reader = blob.slice(start).stream().getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      table.push(next.value);
      bytes += next.value.length;
      post({ type: 'progress', bytes, rows: table.rows });
    }
    const part = table.end();
    post({ type: 'done', part }, partBuffers(part));
  } catch (error) {
    // NOTE: the page reads these bytes itself after a failure, and so reports the error with
    // its line in the whole file; the message here is for debugging.
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The rows of the whole Blob and before `start` (over-estimates: line counts), for columns that
 * hold the page's rows in front of this part's (see CsvPartJob.sizes). NOTE: both counts at once,
 * as the browser process reads a Blob's bytes: one read waits while the other counts.
 */
async function countSizes(blob: Blob, start: number): Promise<{ expectedRows: number; start: number }> {
  const [after, before] = await Promise.all([countBlobLines(blob.slice(start)), countBlobLines(blob.slice(0, start))]);
  return { expectedRows: Math.max(0, before - 1) + after, start: Math.max(0, before - 1) };
}

const scope = globalThis as unknown as WorkerScope;
let giveJob: (job: Job) => void = () => undefined;
const given = new Promise<Job>((resolve) => (giveJob = resolve));
scope.onmessage = ({ data }) => {
  if (data.type === 'work') void readPart(data, (message, transfer) => scope.postMessage(message, transfer ?? []), given);
  else giveJob(data);
};
scope.postMessage({ type: 'started' });
