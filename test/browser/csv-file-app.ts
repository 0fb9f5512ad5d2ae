/**
 * The page of the in-page CSV test, as a user would write it against 'nnkit': a file input and a
 * drop zone whose files go to nn.data.readCsv, and a fetch whose body (a ReadableStream) does.
 * `window.app` holds what the test calls; every result is a CsvOutcome (csv-file-outcome.ts).
 */
export const CSV_FILE_APP = `
import * as nn from 'nnkit';
import { csvOutcome, type CsvOutcome } from './csv-file-outcome.ts';

const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'csv' });
const zone = Object.assign(document.createElement('div'), { id: 'drop', textContent: 'Drop a CSV file here' });
document.body.append(input, zone);

let dropped: Promise<CsvOutcome> | undefined;
zone.addEventListener('dragover', (event) => event.preventDefault());
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer!.files[0];
  dropped = csvOutcome(() => nn.data.readCsv(file));
});

(window as unknown as { app: unknown }).app = {
  readPicked: (index: number, options?: nn.data.ReadCsvOptions) => csvOutcome(() => nn.data.readCsv(input.files![index], options)),
  readDropped: () => dropped,
  readFetched: async (path: string) => {
    const response = await fetch(path);
    return csvOutcome(() => nn.data.readCsv(response.body!));
  },
  /** Reads a picked file, keeping every progress event. */
  async progress(index: number) {
    const events: nn.data.CsvProgress[] = [];
    const file = input.files![index];
    const table = await nn.data.readCsv(file, { onProgress: (event) => events.push(event) });
    return { size: file.size, rows: table.rows, events };
  },
};
`;
