// Reading a 1,000,000-row Parquet file into nnkit's columns: hyparquet (pure JavaScript, what
// nn.data.readParquet uses) against parquet-wasm (Rust's parquet crate in WebAssembly, decoded
// to Arrow, then apache-arrow's vectors copied into the same Float32Array / code columns). Each
// reader runs in its own child process, so peak RSS is its own; rounds alternate the readers.
//
//   npx tsx bench/parquet-read.ts [--rows 1000000] [--rounds 3]
//
// The file (50 float64 columns, 2 string columns, a 0/1 label, snappy, written by parquet-wasm
// with 100,000-row row groups) is generated once into the temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '3' }, child: { type: 'string' }, file: { type: 'string' } } });
const ROWS = Number(values.rows);
const NUMERIC = 50;

async function makeFile(path: string): Promise<void> {
  const arrow = await import('apache-arrow');
  const wasm = await import('parquet-wasm');
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const columns: Record<string, unknown> = {};
  for (let c = 0; c < NUMERIC; c++) columns[`x${c}`] = Float64Array.from({ length: ROWS }, () => Math.round(random() * 1e6) / 1e3);
  const cities = ['Paris', 'Lyon', 'Nantes', 'Lille', 'Nice'];
  columns.city = arrow.vectorFromArray(Array.from({ length: ROWS }, () => cities[Math.floor(random() * 5)]), new arrow.Utf8());
  columns.plan = arrow.vectorFromArray(Array.from({ length: ROWS }, () => (random() < 0.3 ? 'pro' : 'free')), new arrow.Utf8());
  columns.label = Int32Array.from({ length: ROWS }, () => (random() < 0.2 ? 1 : 0));
  const table = arrow.tableFromArrays(columns as Parameters<typeof arrow.tableFromArrays>[0]);
  const props = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.SNAPPY).setMaxRowGroupSize(100_000).build();
  const bytes = wasm.writeParquet(wasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), props);
  writeFileSync(path, bytes);
}

async function child(reader: string, path: string): Promise<void> {
  // Modules are loaded (and transpiled) before the clock starts.
  const { readParquetFile } = await import('../src/node/read-parquet-file.js');
  const arrow = await import('apache-arrow');
  const wasm = await import('parquet-wasm');
  const start = performance.now();
  let rows = 0;
  if (reader === 'hyparquet') {
    rows = (await readParquetFile(path)).rows;
  } else {
    const table = arrow.tableFromIPC(wasm.readParquet(readFileSync(path)).intoIPCStream());
    // The same work as nnkit's reader: float32 columns, category codes for strings.
    for (const field of table.schema.fields) {
      const vector = table.getChild(field.name)!;
      if (arrow.DataType.isUtf8(field.type)) {
        const codes = new Int32Array(vector.length);
        const dictionary = new Map<string, number>();
        let i = 0;
        for (const value of vector) {
          let code = dictionary.get(value);
          if (code === undefined) dictionary.set(value, (code = dictionary.size));
          codes[i++] = code;
        }
      } else Float32Array.from(vector.toArray() as Float64Array);
    }
    rows = table.numRows;
  }
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(JSON.stringify({ reader, rows, seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

if (values.child !== undefined) await child(values.child, values.file!);
else {
  const path = join(tmpdir(), `nnkit-bench-${ROWS}.parquet`);
  if (!existsSync(path)) await makeFile(path);
  console.log(`${path}: ${ROWS} rows × ${NUMERIC + 3} columns, ${(statSync(path).size / 2 ** 20).toFixed(1)} MiB`);
  const results: Record<string, { seconds: number[]; peakMiB: number[] }> = {};
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const reader of ['hyparquet', 'parquet-wasm']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', reader, '--file', path], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      const report = JSON.parse(run.stdout) as { seconds: number; peakMiB: number };
      (results[reader] ??= { seconds: [], peakMiB: [] }).seconds.push(report.seconds);
      results[reader].peakMiB.push(report.peakMiB);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log('| reader | read into columns, s (median) | peak RSS, MiB |\n|---|---|---|');
  for (const [reader, { seconds, peakMiB }] of Object.entries(results)) console.log(`| ${reader} | ${median(seconds).toFixed(2)} | ${median(peakMiB).toFixed(0)} |`);
}
