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

async function readPart({ blob, start, shared, file }: Work, post: WorkerScope['postMessage'], given: Promise<Job>): Promise<void> {
  try {
    // NOTE: the lines on both sides are counted here while the page reads the first part: its
    // rows go in front of this part's, in columns sized for the whole Blob (see CsvPartJob.sizes).
    // Shared, the page writes them there itself; else the page copies its rows in front of these
    // once the arrays are transferred back (ChunkedArray.appendInPlace), so either way the
    // larger half of the rows is never copied.
    const linesAfter = await countBlobLines(blob.slice(start));
    const linesBefore = await countBlobLines(blob.slice(0, start));
    const sizes = { expectedRows: Math.max(0, linesBefore - 1) + linesAfter, start: Math.max(0, linesBefore - 1) };
    const { job } = await given;
    const share = shared
      ? (column: number, kind: StorageKind, whole: Float32Array | Int32Array) => post({ type: 'storage', column, kind, whole, room: sizes.start })
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

const scope = globalThis as unknown as WorkerScope;
let giveJob: (job: Job) => void = () => undefined;
const given = new Promise<Job>((resolve) => (giveJob = resolve));
scope.onmessage = ({ data }) => {
  if (data.type === 'work') void readPart(data, (message, transfer) => scope.postMessage(message, transfer ?? []), given);
  else giveJob(data);
};
