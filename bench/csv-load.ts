// Measures readCsv on a large numeric file: wall time and peak resident memory.
//   node --import tsx bench/csv-load.ts [rows=1000000] [columns=50]
// Writes /tmp/nnkit-bench/numeric-<rows>x<columns>.csv once (49 features + a 0/1 `label` for 50
// columns; never committed), then loads it in a fresh child process so the peak RSS measured is
// the loader's alone. Also times the predict path without a model: readCsvBatches over the whole
// file, each batch turned into features by a Preprocessor fitted on the first batch.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Random } from '../src/random/random.js';
import { readCsv } from '../src/node/read-csv.js';
import { readCsvBatches } from '../src/node/read-csv-batches.js';
import { Preprocessor } from '../src/data/preprocessor.js';
import { TableBuilder } from '../src/data/table-builder.js';

async function writeFile(file: string, rows: number, columns: number): Promise<void> {
  const temporary = `${file}.partial`;
  const out = createWriteStream(temporary);
  const random = new Random(7);
  const names = Array.from({ length: columns - 1 }, (_, i) => `f${i}`);
  out.write([...names, 'label'].join(',') + '\n');
  for (let start = 0; start < rows; start += 1000) {
    let chunk = '';
    for (let r = start; r < Math.min(rows, start + 1000); r++) {
      const cells: string[] = [];
      for (let c = 0; c < columns - 1; c++) cells.push(((random.uniform() - 0.5) * 200).toFixed(4));
      cells.push(random.uniform() < 0.3 ? '1' : '0');
      chunk += cells.join(',') + '\n';
    }
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(temporary, file);
}

async function measure(mode: string, file: string): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let summary: string;
  if (mode === 'load') {
    const data = await readCsv(file);
    const stored = data.features.columns.reduce((sum, column) => sum + (column.kind === 'categorical' ? column.codes.byteLength : column.values.byteLength), 0);
    summary = `${data.rows} rows × ${data.header.length} columns, ${(stored / 2 ** 20).toFixed(0)} MiB of feature columns`;
  } else {
    let rows = 0;
    let features = 0;
    let preprocessor: Preprocessor | undefined;
    for await (const batch of readCsvBatches(file, { batchSize: 1024 })) {
      if (preprocessor === undefined) {
        const builder = new TableBuilder(batch.names, { target: 'label' });
        for (let r = 0; r < batch.rows; r++) builder.add(batch.columns.map((column) => column[r]), batch.lines[r]);
        preprocessor = Preprocessor.fit(builder.finish().features);
      }
      features = preprocessor.transformRaw(batch, { extraColumns: 'ignore' }).x.cols;
      rows += batch.rows;
    }
    summary = `${rows} rows streamed in batches of 1024 and preprocessed to ${features} features`;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const peak = process.resourceUsage().maxRSS / 1024;
  // NOTE: CPU time is reported beside wall time because a shared machine stretches the latter.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`${mode}: ${summary}: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU, peak RSS ${peak.toFixed(0)} MiB`);
}

const args = process.argv.slice(2);
if (args[0] === '--measure') {
  await measure(args[1], args[2]);
} else {
  const rows = Number(args[0] ?? 1_000_000);
  const columns = Number(args[1] ?? 50);
  mkdirSync('/tmp/nnkit-bench', { recursive: true });
  const file = `/tmp/nnkit-bench/numeric-${rows}x${columns}.csv`;
  if (!existsSync(file)) await writeFile(file, rows, columns);
  const baseline = spawnSync(process.execPath, ['--import', 'tsx', '-e', 'console.log(process.resourceUsage().maxRSS / 1024)'], { encoding: 'utf8' });
  console.log(`${file}: ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, Node ${process.version}, ` + `an empty tsx process peaks at ${Number(baseline.stdout).toFixed(0)} MiB`);
  for (const mode of ['load', 'stream']) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', mode, file], {
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
