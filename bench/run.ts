// The benchmark of issue 6: nnkit (default backend, and js for reference), TensorFlow.js 4.22
// (cpu and wasm backends) and PyTorch (when python3 can import torch) on the same seeded data,
// each configuration in its own child process so peak RSS is per peer. The full run measures
// every configuration in 3 rounds (peers of one model and work back to back, so their ratio
// sees the same machine) and reports each configuration's median round. Prints one Markdown
// table, the rounds, and the goals met. bench/RESULTS.md records full runs.
//
//   npm run bench                 100,000 rows, 3 rounds of one child per model × work × peer
//                                 (about 18 minutes)
//   npm run bench -- --quick      20,000 rows, 1 round of one child per model × peer (a minute)
//   npm run bench -- --peers nnkit,pytorch --models wide --rounds 5     a subset, more rounds
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeDataset, writeDataset } from './dataset.js';
import type { PeerName, Row } from './goals.js';
import { formatRounds, medianRows } from './rounds.js';
import { formatGoals, formatTable, PEER_ORDER } from './table.js';
import { MODEL_NAMES, WORK_NAMES, type ChildReport, type ModelName } from './workload.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// NOTE: `npm run bench -- e2e [options]`: the end-to-end comparison with pandas + scikit-learn +
// PyTorch (bench/e2e.ts), not the kernels' benchmark below.
if (process.argv[2] === 'e2e') {
  const { runE2e } = await import('./e2e.js');
  await runE2e(process.argv.slice(3));
  process.exit(0);
}
// NOTE: `npm run bench -- ingest [options]`: nnkit's readCsv against pandas.read_csv (bench/ingest.ts).
if (process.argv[2] === 'ingest') {
  const { runIngest } = await import('./ingest.js');
  await runIngest(process.argv.slice(3));
  process.exit(0);
}

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    peers: { type: 'string', default: PEER_ORDER.join(',') },
    models: { type: 'string', default: MODEL_NAMES.join(',') },
    rounds: { type: 'string' },
  },
});
const quick = options.quick ?? false;
const peers = (options.peers ?? '').split(',') as PeerName[];
const models = (options.models ?? '').split(',') as ModelName[];
for (const peer of peers) {
  if (!PEER_ORDER.includes(peer)) throw new Error(`Unknown peer '${peer}'; peers: ${PEER_ORDER}.`);
}
for (const model of models) {
  if (!MODEL_NAMES.includes(model)) {
    throw new Error(`Unknown model '${model}'; models: ${MODEL_NAMES}.`);
  }
}

const ROUNDS = Number(options.rounds ?? (quick ? 1 : 3));
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  throw new Error(`--rounds must be a positive integer but got '${options.rounds}'.`);
}
const ROWS = quick ? 20_000 : 100_000;
const WARMUP_SECONDS = quick ? 0.15 : 2;
const BUDGET_SECONDS = quick ? 0.75 : 20;
/** A child that takes longer than this has hung. */
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

/** The first Python that imports torch: $PYTHON, python3 on the PATH, then Debian's own. */
function findPython(): { python?: string; note: string } {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3']
    .filter((candidate) => !!candidate) as string[];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import numpy, torch'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, note: '' };
  }
  return {
    note: `PyTorch skipped: none of ${candidates.join(', ')} can import torch and numpy ` +
      '(Debian: apt-get install python3-torch).',
  };
}

interface Child {
  readonly peer: PeerName;
  readonly model: ModelName;
  readonly works: readonly string[];
}

function plan(): Child[] {
  const children: Child[] = [];
  const chosen = PEER_ORDER.filter((name) => peers.includes(name));
  for (const model of models) {
    // NOTE: --quick measures every work of a peer and model in one process (fewer start-ups),
    // so its peak RSS is that process's; the full run gives each configuration its own, and
    // runs the peers of one work back to back.
    if (quick) for (const peer of chosen) children.push({ peer, model, works: WORK_NAMES });
    else {
      for (const work of WORK_NAMES) {
        for (const peer of chosen) children.push({ peer, model, works: [work] });
      }
    }
  }
  return children;
}

function runChild(child: Child, dataDir: string, python: string | undefined): ChildReport {
  const protocol = [dataDir, String(ROWS), String(WARMUP_SECONDS), String(BUDGET_SECONDS)];
  const works = child.works.join(',');
  const script = join(root, 'bench', child.peer === 'pytorch' ? 'torch_bench.py' : 'peer.ts');
  const [command, args] = child.peer === 'pytorch'
    ? [python!, [script, child.model, works, ...protocol]]
    : [process.execPath, ['--import', 'tsx', script, child.peer, child.model, works, ...protocol]];
  const result = spawnSync(command, args, {
    cwd: root, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 256 * 2 ** 20,
  });
  const line = result.stdout?.split('\n').reverse().find((text) => text.startsWith('{'));
  if (result.status !== 0 || line === undefined) {
    const stderr = (result.stderr ?? '').trim().split('\n').filter((text) => text.trim());
    const reason = result.error?.message ?? stderr.slice(-3).join(' ');
    throw new Error(`exit ${result.status}: ${reason.slice(0, 400)}`);
  }
  return JSON.parse(line) as ChildReport;
}

function progress(report: ChildReport): string {
  return report.measurements.map((m) => {
    const rate = Math.round(m.samplesPerSecond).toLocaleString('en-US');
    return `${m.work} ${rate}/s${m.rowsTimed < ROWS ? ` (${m.rowsTimed} rows)` : ''}`;
  }).join(', ');
}

function header(started: Date, loadBefore: number[], versions: Iterable<string>): string {
  const seconds = (Date.now() - started.getTime()) / 1000;
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  return [
    `nnkit benchmark (issue 6)${quick ? ', --quick' : ''}: ${started.toISOString()}, ` +
      `${seconds.toFixed(0)} s`,
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores; ` +
      `Node ${process.version}`,
    `peers: ${[...versions].join('; ')}`,
    `workload: ${ROWS.toLocaleString('en-US')} rows × 32 standard-normal float32 features, ` +
      'binary label (seeded); Adam lr 1e-3, binary cross-entropy, no shuffling; ' +
      `${WARMUP_SECONDS} s warm-up, then one timed epoch from fresh weights (at most ` +
      `${BUDGET_SECONDS} s, see †); predict all rows in batches of 1024; ` +
      `${ROUNDS} round${ROUNDS === 1 ? '' : 's'}`,
    `load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadavg())} after`,
  ].join('\n');
}

function main(): void {
  const started = new Date();
  const loadBefore = loadavg();
  const { python, note } = peers.includes('pytorch') ? findPython() : { note: '' };
  const dataDir = mkdtempSync(join(tmpdir(), 'nnkit-bench-'));
  const rounds: Row[][] = [];
  const failures: string[] = [];
  const versions = new Map<string, string>();
  try {
    writeDataset(makeDataset(ROWS), dataDir);
    for (let round = 1; round <= ROUNDS; round++) {
      const rows: Row[] = [];
      rounds.push(rows);
      for (const child of plan()) {
        if (child.peer === 'pytorch' && python === undefined) continue;
        const name = `${child.model} · ${child.peer} · ${child.works.join(',')}`;
        process.stderr.write(`${ROUNDS > 1 ? `round ${round} · ` : ''}${name} … `);
        try {
          const report = runChild(child, dataDir, python);
          versions.set(child.peer, report.version);
          for (const measurement of report.measurements) {
            rows.push({ peer: child.peer, model: child.model, measurement, report });
          }
          process.stderr.write(`${progress(report)}\n`);
        } catch (error) {
          failures.push(`round ${round}, ${name}: ${(error as Error).message}`);
          process.stderr.write('failed\n');
        }
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (note) failures.push(note);
  const medians = medianRows(rounds);
  console.log([
    header(started, loadBefore, versions.values()), '',
    formatTable(medians, ROWS, BUDGET_SECONDS, failures),
    formatRounds(rounds),
    formatGoals(medians),
  ].join('\n'));
}

main();
