// `npm run bench -- ingest` (issue 19): nnkit's Node readCsv against pandas.read_csv (its C
// parser; numeric columns as float32, text as categories) on the same generated files, in rounds
// that interleave the two, each read in its own process under /usr/bin/time -v for its peak
// memory. The read's own seconds are timed inside each process (start-up and imports excluded,
// for both). Prints each round, then the median of each reader, the ratios, and peak memory
// against the size of the table's float32 / int32 columns.
//
//   npm run bench -- ingest                       1,000,000 rows (numeric: 49 + label), 3 rounds
//   npm run bench -- ingest --rows 200000 --rounds 1 --files numeric
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { MIXED_COLUMNS, writeMixedCsv, writeNumericCsv } from './ingest-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const PEERS = ['nnkit', 'pandas'] as const;
type Peer = (typeof PEERS)[number];

interface Read {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  readonly peakMiB: number;
  readonly rows: number;
  readonly checksum: number;
  readonly version?: string;
}

interface DataFile {
  readonly name: 'numeric' | 'mixed';
  readonly path: string;
  readonly rows: number;
  readonly columns: number;
  readonly textColumns: readonly string[];
}

/** Runs one read under /usr/bin/time -v: the read's seconds (its own), wall seconds, peak RSS. */
function timedRead(command: string, args: readonly string[]): Read {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const line = result.stdout.split('\n').reverse().find((text) => text.startsWith('{'));
  if (!wall || !rss || line === undefined) throw new Error(`no measurement from ${command}:\n${result.stdout}\n${result.stderr}`);
  const report = JSON.parse(line) as Omit<Read, 'wallSeconds' | 'peakMiB'>;
  const wallSeconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { ...report, wallSeconds, peakMiB: Number(rss[1]) / 1024 };
}

/** Bundles the nnkit side into one plain JavaScript file, so no TypeScript loader runs in the child. */
async function bundleChild(): Promise<string> {
  const outfile = join(root, 'node_modules/.cache/nnkit-ingest/ingest-child.mjs');
  await build({ entryPoints: [join(root, 'bench/ingest-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

function read(peer: Peer, file: DataFile, child: string): Read {
  if (peer === 'nnkit') return timedRead(process.execPath, [child, file.path]);
  return timedRead(PYTHON, [join(root, 'bench/ingest_pandas.py'), file.path, file.textColumns.join(',')]);
}

/** The peak memory of each reader's process with everything loaded and nothing read (median of 3). */
function idlePeaks(child: string): Record<Peer, number> {
  const peak = (command: string, args: readonly string[]) => median([1, 2, 3].map(() => timedRead(command, args).peakMiB));
  return { nnkit: peak(process.execPath, [child, '--idle']), pandas: peak(PYTHON, [join(root, 'bench/ingest_pandas.py'), '--idle']) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const fixed = (value: number, digits = 2) => value.toFixed(digits);

export async function runIngest(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rows: { type: 'string', default: '1000000' },
      features: { type: 'string', default: '49' },
      rounds: { type: 'string', default: '3' },
      files: { type: 'string', default: 'numeric,mixed' },
      data: { type: 'string', default: join(tmpdir(), 'nnkit-bench-ingest') },
    },
  });
  const rows = Number(values.rows);
  const features = Number(values.features);
  const rounds = Number(values.rounds);
  for (const [name, value] of [['--rows', rows], ['--features', features], ['--rounds', rounds]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer but is '${String(value)}'.`);
  }
  const chosen = values.files!.split(',');
  for (const name of chosen) if (name !== 'numeric' && name !== 'mixed') throw new Error(`Unknown file '${name}'; files: numeric, mixed.`);
  mkdirSync(values.data!, { recursive: true });
  const files: DataFile[] = [];
  if (chosen.includes('numeric')) {
    const path = join(values.data!, `numeric-${rows}x${features + 1}.csv`);
    console.log(`Writing ${path} (once) ...`);
    await writeNumericCsv(path, rows, features);
    files.push({ name: 'numeric', path, rows, columns: features + 1, textColumns: [] });
  }
  if (chosen.includes('mixed')) {
    const path = join(values.data!, `mixed-${rows}x${MIXED_COLUMNS.length}.csv`);
    console.log(`Writing ${path} (once) ...`);
    await writeMixedCsv(path, rows);
    const textColumns = MIXED_COLUMNS.filter((column) => column.kind === 'text').map((column) => column.name);
    files.push({ name: 'mixed', path, rows, columns: MIXED_COLUMNS.length, textColumns });
  }
  const child = await bundleChild();
  const idle = idlePeaks(child);
  const started = new Date();
  const loadBefore = load();
  const measured = new Map<string, Read[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const file of files) {
      // NOTE: alternate which reader goes first, so neither always reads a file the other just warmed.
      const order = round % 2 === 1 ? PEERS : [...PEERS].reverse();
      const line: string[] = [];
      for (const peer of order) {
        const result = read(peer, file, child);
        const key = `${file.name}/${peer}`;
        measured.set(key, [...(measured.get(key) ?? []), result]);
        line.push(`${peer} ${fixed(result.seconds)} s (CPU ${fixed(result.cpuSeconds)} s, process ${fixed(result.wallSeconds)} s, ` +
          `peak ${Math.round(result.peakMiB)} MiB)`);
      }
      console.log(`round ${round} · ${file.name}: ${line.join(' · ')} · load ${load()}`);
    }
  }
  console.log('');
  console.log(`Ingest: nnkit readCsv vs pandas.read_csv, ${started.toISOString()}`);
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores; Node ${process.version}; ` +
    `pandas ${measured.get(`${files[0].name}/pandas`)?.[0].version ?? '?'}`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after; ${rounds} round${rounds === 1 ? '' : 's'}, medians`);
  console.log(`peak memory of a process that loads the reader and reads nothing: nnkit ${Math.round(idle.nnkit)} MiB, ` +
    `pandas ${Math.round(idle.pandas)} MiB ("above idle" below is the peak less that)`);
  console.log('');
  console.log('| file | size | nnkit read (CPU) | pandas read (CPU) | nnkit ÷ pandas, wall (CPU) | nnkit peak | pandas peak | ' +
    'float32 columns | nnkit peak ÷ columns | above idle ÷ columns, nnkit / pandas | same values |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const file of files) {
    const nnkit = measured.get(`${file.name}/nnkit`)!;
    const pandas = measured.get(`${file.name}/pandas`)!;
    const [ours, theirs] = [median(nnkit.map((r) => r.seconds)), median(pandas.map((r) => r.seconds))];
    const [ourCpu, theirCpu] = [median(nnkit.map((r) => r.cpuSeconds)), median(pandas.map((r) => r.cpuSeconds))];
    const [ourPeak, theirPeak] = [median(nnkit.map((r) => r.peakMiB)), median(pandas.map((r) => r.peakMiB))];
    const columnsMiB = (file.rows * file.columns * 4) / 2 ** 20;
    const sizeMB = statSync(file.path).size / 1e6;
    const [a, b] = [nnkit[0].checksum, pandas[0].checksum];
    const same = Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) && nnkit[0].rows === pandas[0].rows;
    console.log(`| ${file.name} ${file.rows.toLocaleString('en-US')} × ${file.columns} | ${fixed(sizeMB, 0)} MB | ` +
      `${fixed(ours)} s (${fixed(ourCpu)} s) | ${fixed(theirs)} s (${fixed(theirCpu)} s) | ${fixed(ours / theirs)}× (${fixed(ourCpu / theirCpu)}×) | ` +
      `${Math.round(ourPeak)} MiB | ${Math.round(theirPeak)} MiB | ` +
      `${Math.round(columnsMiB)} MiB | ${fixed(ourPeak / columnsMiB)}× | ` +
      `${fixed((ourPeak - idle.nnkit) / columnsMiB)}× / ${fixed((theirPeak - idle.pandas) / columnsMiB)}× | ${same ? 'yes' : `no (${a} vs ${b})`} |`);
  }
}
