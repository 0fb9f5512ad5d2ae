// The program of a CSV part worker thread (bundled into generated/csv-part/worker-source.ts by
// scripts/build-worker.mjs): reads a file from a record boundary to its end into a TablePart
// and posts it back for readCsvInParts to merge; its columns are shared with that thread as they
// are made (or, when the lines could not be counted, transferred with the part).
import { parentPort, workerData } from 'node:worker_threads';
import { CsvPartTable } from '../data/csv-part-table.js';
import { partBuffers, type StorageKind } from '../data/table-part.js';
import type { CsvPartWork, FromCsvPartWorker, ToCsvPartWorker } from './csv-part-messages.js';
import { countLines } from './count-lines.js';
import { fileChunks } from './file-chunks.js';

async function readPart(
  { file, start }: CsvPartWork,
  post: (message: FromCsvPartWorker, transfer?: ArrayBuffer[]) => void,
  given: Promise<ToCsvPartWorker>,
): Promise<void> {
  try {
    // NOTE: the lines on both sides are counted here, while the reader of the start already
    // parses: its rows go in front of this part's in shared columns sized for the whole file (see
    // CsvPartJob.sizes), at most the lines before less the header, written there by that reader.
    const linesAfter = await countLines(file, start);
    const linesBefore = await countLines(file, 0, start);
    const before = linesBefore === undefined ? undefined : Math.max(0, linesBefore - 1);
    const sizes = before === undefined || linesAfter === undefined ? undefined : { expectedRows: before + linesAfter, start: before };
    const { job } = await given;
    const room = sizes?.start ?? 0;
    const share = (column: number, kind: StorageKind, whole: Float32Array | Int32Array) => post({ type: 'storage', column, kind, whole, room });
    const table = new CsvPartTable({ ...job, file, sizes, share });
    let bytes = 0;
    for await (const chunk of fileChunks(file, start)) {
      table.push(chunk);
      bytes += chunk.length;
      post({ type: 'progress', bytes, rows: table.rows });
    }
    const part = table.end();
    post({ type: 'done', part }, partBuffers(part));
  } catch (error) {
    // NOTE: the reader of the file's start reads these bytes itself after a failure, and so
    // reports the error with its line in the whole file; the message here is for debugging.
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

const port = parentPort!;
const given = new Promise<ToCsvPartWorker>((resolve) => port.once('message', resolve));
void readPart(workerData as CsvPartWork, (message, transfer) => port.postMessage(message, transfer), given);
