// Throughput of the kernel sets. Matmul in GFLOP/s (2·m·k·n per call) for the shapes of the
// issue-6 workload: batch 32 and 256 through the "small" (32 → 64) and "wide" (512 → 512) dense
// layers, in the three layouts forward and backward use (the weight gradient, matmulTransA, has
// m = k = 512 and the batch as its depth: the last two shapes); then the element-wise kernels
// of a training step in nanoseconds per element, at the wide model's sizes. The wasm kernels
// run on one thread and with their worker threads (calls above the thresholds are split). Best
// of several timed rounds, after a warm-up (so V8 has tiered the wasm and JS code up).
//
//   npx tsx bench/kernels.ts            wasm (1 thread, threads) and js
//   npx tsx bench/kernels.ts --quick    fewer rounds
import { jsKernels } from '../src/kernels/js.js';
import type { Kernels } from '../src/kernels/kernels.js';
import { loadWasmKernelsSync } from '../src/kernels/wasm/load-wasm.js';
import { setThreadHost } from '../src/kernels/wasm/thread-host.js';
import { setKernelThreads, startKernelThreads } from '../src/kernels/wasm/thread-pool.js';
import { nodeThreads } from '../src/node/node-threads.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 5;
const SECONDS_PER_ROUND = quick ? 0.03 : 0.1;

type Layout = 'matmul' | 'matmulTransA' | 'matmulTransB';
const LAYOUTS: Layout[] = ['matmul', 'matmulTransA', 'matmulTransB'];
/** [m, k, n]: out (m, n) from an (m, k) by (k, n) product. */
const SHAPES: Array<[number, number, number]> = [
  [32, 32, 64],
  [256, 32, 64],
  [32, 512, 512],
  [256, 512, 512],
  [512, 32, 512],
  [512, 256, 512],
];

function filled(kernels: Kernels, length: number): Float32Array {
  const array = kernels.memory.alloc(length);
  for (let i = 0; i < length; i++) array[i] = Math.random() - 0.5;
  return array;
}

/** Best seconds per call of `run` over several rounds, after a warm-up that sizes the rounds. */
function secondsPerCall(run: () => void): number {
  let calls = 1;
  const started = performance.now();
  while (performance.now() - started < SECONDS_PER_ROUND * 1000) {
    for (let i = 0; i < calls; i++) run();
    calls *= 2;
  }
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) run();
    best = Math.min(best, (performance.now() - start) / 1000 / calls);
  }
  return best;
}

function gflops(kernels: Kernels, layout: Layout, m: number, k: number, n: number): number {
  // Operand sizes are the same in every layout; only how they are read differs.
  const a = filled(kernels, m * k);
  const b = filled(kernels, k * n);
  const out = kernels.memory.alloc(m * n);
  const seconds = secondsPerCall(() => kernels.compute[layout](a, b, out, m, k, n));
  for (const array of [a, b, out]) kernels.memory.free(array);
  return (2 * m * k * n) / seconds / 1e9;
}

const ELEMENTWISE_ROWS = 256;
const ELEMENTWISE_UNITS = 512;
/** The wide model's parameter count: 32·512 + 512 + 512·512 + 512 + 512 + 1. */
const WIDE_PARAMETERS = 279_041;

// Nanoseconds per element of the element-wise kernels a training step calls.
function elementwise(kernels: Kernels): Array<[string, number]> {
  const rows = ELEMENTWISE_ROWS;
  const units = ELEMENTWISE_UNITS;
  const x = filled(kernels, rows * units);
  const y = filled(kernels, rows * units);
  const bias = filled(kernels, units);
  const out = kernels.memory.alloc(units);
  const size = WIDE_PARAMETERS;
  const [w, g] = [filled(kernels, size), filled(kernels, size)];
  const [m, v] = [kernels.memory.alloc(size), kernels.memory.alloc(size)];
  const shape = `(${rows}×${units})`;
  const perActivation = (run: () => void) => (secondsPerCall(run) / (rows * units)) * 1e9;
  const perParameter = (run: () => void) => (secondsPerCall(run) / size) * 1e9;
  const k = kernels.compute;
  return [
    [`biasActivation relu ${shape}`, perActivation(() => k.biasActivation(x, bias, rows, units, 'relu'))],
    [`biasActivation sigmoid ${shape}`, perActivation(() => k.biasActivation(y, bias, rows, units, 'sigmoid'))],
    [`activationBackward relu ${shape}`, perActivation(() => k.activationBackward(x, y, x, rows * units, 'relu'))],
    [`sumRows ${shape}`, perActivation(() => k.sumRows(x, out, rows, units))],
    [`adamUpdate (${size} parameters)`, perParameter(() => k.adamUpdate(w, g, m, v, size, 1e-3, 0.9, 0.999, 1e-7, 10))],
  ];
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log();
}

/** A kernel set as measured: the wasm set runs once on one thread and once with its workers. */
interface Variant {
  readonly name: string;
  readonly kernels: Kernels;
  readonly workers: 0 | 'auto';
}

setThreadHost(nodeThreads);
const wasm = loadWasmKernelsSync();
const workers = await startKernelThreads();
const variants: Variant[] = [
  { name: 'wasm 1 thread', kernels: wasm, workers: 0 },
  ...(workers > 0
    ? [{ name: `wasm ${workers + 1} threads`, kernels: wasm, workers: 'auto' as const }]
    : []),
  { name: 'js', kernels: jsKernels, workers: 0 },
];
function select(variant: Variant): Kernels {
  setKernelThreads({ workers: variant.workers });
  return variant.kernels;
}
const names = variants.map((variant) => variant.name);
const matmulRows: string[][] = [];
for (const layout of LAYOUTS) {
  for (const [m, k, n] of SHAPES) {
    const results = variants.map((variant) => gflops(select(variant), layout, m, k, n));
    const ratio = (results[0] / results[results.length - 1]).toFixed(1);
    matmulRows.push([layout, `${m}×${k} · ${k}×${n}`, ...results.map((g) => g.toFixed(2)), ratio]);
  }
}
const gflopsColumns = names.map((name) => `${name} GFLOP/s`);
printTable(['layout', 'shape (m×k · k×n)', ...gflopsColumns, 'wasm 1 thread / js'], matmulRows);

const timings = variants.map((variant) => elementwise(select(variant)));
const elementRows = timings[0].map(([label], row) => {
  const values = timings.map((timing) => timing[row][1]);
  const ratio = (values[values.length - 1] / values[0]).toFixed(1);
  return [label, ...values.map((ns) => ns.toFixed(3)), ratio];
});
const nsColumns = names.map((name) => `${name} ns/element`);
printTable(['kernel', ...nsColumns, 'js / wasm 1 thread'], elementRows);
