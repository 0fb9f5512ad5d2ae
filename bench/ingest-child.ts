// One timed read for the ingest benchmark, in its own process (so /usr/bin/time's peak memory is
// the read's): nnkit's Node readCsv of the file, then a JSON line with the seconds the read took
// (wall, and CPU of all the process's threads), the table's shape and a checksum of its numeric
// columns (the sum of the non-missing float32 values, which pandas' side computes alike).
//   node bench/ingest-child.js <file> [--one-thread | --two-threads]
//   node bench/ingest-child.js --idle      loads the reader, reads nothing (peak memory baseline)
// --one-thread reads with readCsv's `parallel: false`; --two-threads reads in two parts whatever
// the load (readCsv itself does only when a second core is free).
import { stat } from 'node:fs/promises';
import { libraryHint } from '../src/data/option-hint.js';
import { openCsv } from '../src/node/csv-source.js';
import { readCsv } from '../src/node/read-csv.js';
import { readCsvInParts } from '../src/node/read-csv-in-parts.js';

async function twoThreads(file: string) {
  const { delimiter } = await openCsv(file);
  return readCsvInParts(file, {}, libraryHint, { size: (await stat(file)).size, delimiter });
}

const file = process.argv[2];
if (file === '--idle') {
  // The process with everything loaded and nothing read: the baseline its peak memory is above.
  console.log(JSON.stringify({ seconds: 0, cpuSeconds: 0, rows: 0, columns: 0, checksum: 0 }));
  process.exit(0);
}
const started = performance.now();
const cpu = process.cpuUsage();
const table = process.argv.includes('--two-threads') ? await twoThreads(file) : await readCsv(file, { parallel: !process.argv.includes('--one-thread') });
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
const cpuSeconds = (user + system) / 1e6;
let checksum = 0;
for (const column of table.features.columns) {
  if (column.kind !== 'numeric') continue;
  for (const value of column.values) if (value === value) checksum += value;
}
console.log(JSON.stringify({ seconds, cpuSeconds, rows: table.rows, columns: table.header.length, checksum }));
