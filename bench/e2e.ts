// `npm run bench -- e2e` (issue 19): `nnkit train` and `nnkit predict` against pandas +
// scikit-learn + PyTorch doing the same work (bench/e2e_python.py) on one generated CSV, in
// rounds that interleave the two, each command under /usr/bin/time -v for its wall time and peak
// memory. Prints each round, then the best round of each command and the ratios. The machine is
// shared, so the best round is the one least disturbed.
//
//   npm run bench -- e2e                      1,000,000 rows × 50 features, 2 rounds, 3 epochs
//   npm run bench -- e2e --rows 100000 --rounds 1
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeE2eCsv } from './e2e-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

interface Measured {
  readonly seconds: number;
  /** User + system CPU seconds, all threads: less disturbed than wall time on a busy machine. */
  readonly cpuSeconds: number;
  readonly peakMiB: number;
}

/** Runs a command under /usr/bin/time -v; throws with its output when it fails. */
export function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
  if (!wall || !rss || !user || !system) throw new Error(`/usr/bin/time printed no times:\n${result.stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, cpuSeconds: Number(user[1]) + Number(system[1]), peakMiB: Number(rss[1]) / 1024 };
}

/** Compiles the sources into node_modules/.cache/nnkit-e2e (resolving the same packages). */
function buildNnkit(): string {
  const out = join(root, 'node_modules/.cache/nnkit-e2e');
  console.log(`Compiling nnkit into ${out} ...`);
  rmSync(out, { recursive: true, force: true });
  // NOTE: tsc emits even when some file does not type-check; the command is what we need.
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', out], { cwd: root, stdio: 'ignore' });
  const main = join(out, 'src/cli/main.js');
  if (!existsSync(main)) throw new Error(`tsc did not write ${main}; run npx tsc -p tsconfig.json to see why.`);
  return main;
}

export async function runE2e(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rows: { type: 'string', default: '1000000' },
      features: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '2' },
      epochs: { type: 'string', default: '3' },
      hidden: { type: 'string', default: '64,32' },
      dir: { type: 'string', default: join(tmpdir(), 'nnkit-e2e') },
      // The nnkit command to run; default: the sources compiled into a private folder first, so
      // that a shared dist/ rebuilt meanwhile cannot change the code measured.
      nnkit: { type: 'string' },
      // Also measure `nnkit train --stream` on generated files of these row counts (e.g. 1000000,10000000).
      'stream-rows': { type: 'string' },
      'chunk-rows': { type: 'string', default: '10000' },
      'shuffle-buffer': { type: 'string', default: '100000' },
      'heap-mib': { type: 'string', default: '512' },
      // Skip the comparison with Python (e.g. to measure only --stream).
      'no-python': { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const features = Number(values.features);
  const rounds = Number(values.rounds);
  mkdirSync(values.dir!, { recursive: true });
  const nnkit = values.nnkit ?? buildNnkit();
  console.log(`${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, ${load()}`);
  if (!values['no-python']) await compare(nnkit, rows, features, rounds, values);
  if (values['stream-rows'] !== undefined) await measureStream(nnkit, values.dir!, values['stream-rows'].split(',').map(Number), features, values);
}

/** nnkit train / predict against Python, interleaved, best round of each. */
async function compare(
  nnkit: string, rows: number, features: number, rounds: number,
  values: { readonly dir?: string; readonly epochs?: string; readonly hidden?: string },
): Promise<void> {
  const data = join(values.dir!, `e2e-${rows}x${features}.csv`);
  console.log(`Writing ${data} (skipped when it exists) ...`);
  await writeE2eCsv(data, rows, features);
  const works: Record<string, () => Measured> = {
    'nnkit train': () => timed(process.execPath, [nnkit, 'train', data, '--target', 'label', '--epochs', values.epochs!, '--hidden', values.hidden!, '--out', join(values.dir!, 'nnkit-model'), '--quiet']),
    'python train': () => timed(PYTHON, ['bench/e2e_python.py', 'train', data, join(values.dir!, 'python-model'), values.epochs!, values.hidden!]),
    'nnkit predict': () => timed(process.execPath, [nnkit, 'predict', data, '--model', join(values.dir!, 'nnkit-model'), '--out', join(values.dir!, 'nnkit-predictions.csv')]),
    'python predict': () => timed(PYTHON, ['bench/e2e_python.py', 'predict', data, join(values.dir!, 'python-model'), join(values.dir!, 'python-predictions.csv')]),
  };
  const best: Record<string, Measured> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const [name, work] of Object.entries(works)) {
      const m = work();
      console.log(`round ${round}: ${name.padEnd(15)} ${describe(m)}  (${load()})`);
      if (best[name] === undefined || m.seconds < best[name].seconds) best[name] = m;
    }
  }
  console.log(`\nBest of ${rounds} round(s), ${rows.toLocaleString('en')} rows × ${features} features, ${load()}:\n`);
  console.log('| work | nnkit wall / CPU | pandas + scikit-learn + PyTorch wall / CPU | nnkit ÷ Python wall / CPU | peak memory nnkit / Python |');
  console.log('|---|--:|--:|--:|--:|');
  for (const work of ['train', 'predict']) {
    const n = best[`nnkit ${work}`];
    const p = best[`python ${work}`];
    console.log(
      `| ${work} | ${n.seconds.toFixed(1)} / ${n.cpuSeconds.toFixed(1)} s | ${p.seconds.toFixed(1)} / ${p.cpuSeconds.toFixed(1)} s | ` +
        `${(n.seconds / p.seconds).toFixed(2)}× / ${(n.cpuSeconds / p.cpuSeconds).toFixed(2)}× | ${n.peakMiB.toFixed(0)} / ${p.peakMiB.toFixed(0)} MiB |`,
    );
  }
}

/**
 * `nnkit train --stream` on generated files of each row count: wall and CPU time and peak memory,
 * to show that memory follows the chunk and the shuffle buffer, not the file. The V8 heap is
 * capped (--max-old-space-size) so that a run that needed the file in memory would fail.
 */
async function measureStream(
  nnkit: string, dir: string, sizes: readonly number[], features: number,
  values: { readonly epochs?: string; readonly hidden?: string; readonly 'chunk-rows'?: string; readonly 'shuffle-buffer'?: string; readonly 'heap-mib'?: string },
): Promise<void> {
  const env = { ...process.env, NODE_OPTIONS: `--max-old-space-size=${values['heap-mib']}` };
  console.log(`\nnnkit train --stream, --chunk-rows ${values['chunk-rows']} --shuffle-buffer ${values['shuffle-buffer']}, heap capped at ${values['heap-mib']} MiB:\n`);
  console.log('| rows | file | wall / CPU | peak memory |');
  console.log('|--:|--:|--:|--:|');
  for (const rows of sizes) {
    const data = join(dir, `e2e-${rows}x${features}.csv`);
    await writeE2eCsv(data, rows, features);
    const m = timed(process.execPath, [
      nnkit, 'train', data, '--stream', '--target', 'label', '--epochs', values.epochs!, '--hidden', values.hidden!,
      '--chunk-rows', values['chunk-rows']!, '--shuffle-buffer', values['shuffle-buffer']!, '--out', join(dir, 'nnkit-stream-model'), '--quiet',
    ], env);
    const mib = statSync(data).size / 2 ** 20;
    console.log(`| ${rows.toLocaleString('en')} | ${mib.toFixed(0)} MiB | ${m.seconds.toFixed(1)} / ${m.cpuSeconds.toFixed(1)} s | ${m.peakMiB.toFixed(0)} MiB |  (${load()})`);
  }
}

function describe(m: Measured): string {
  return `${m.seconds.toFixed(1).padStart(7)} s wall, ${m.cpuSeconds.toFixed(1).padStart(6)} s CPU, peak ${m.peakMiB.toFixed(0).padStart(5)} MiB`;
}

/** The machine is shared: every figure is printed with the load average (uptime's). */
function load(): string {
  return `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runE2e(process.argv.slice(2));
