// The program of a CSV part worker thread (bundled into generated/csv-part/worker-source.ts by
// scripts/build-worker.mjs): reads a file from a record boundary to its end into a TablePart
// and posts it back, its arrays transferred, for readCsvInParts to merge.
import { parentPort, workerData } from 'node:worker_threads';
import { CsvPartTable } from '../data/csv-part-table.js';
import { partBuffers } from '../data/table-part.js';
import type { CsvPartWork, FromCsvPartWorker, ToCsvPartWorker } from './csv-part-messages.js';
import { countLines } from './count-lines.js';
import { fileChunks } from './file-chunks.js';

async function readPart(
  work: CsvPartWork,
  post: (message: FromCsvPartWorker, transfer?: ArrayBuffer[]) => void,
  sized: Promise<ToCsvPartWorker>,
): Promise<void> {
  try {
    post({ type: 'lines', lines: await countLines(work.file, work.start) });
    const { sizes } = await sized;
    const table = new CsvPartTable({ ...work, sizes });
    let bytes = 0;
    for await (const chunk of fileChunks(work.file, work.start)) {
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
const sized = new Promise<ToCsvPartWorker>((resolve) => port.once('message', resolve));
void readPart(workerData as CsvPartWork, (message, transfer) => port.postMessage(message, transfer), sized);
