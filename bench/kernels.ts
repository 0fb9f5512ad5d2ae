// Matmul throughput of the kernel sets, in GFLOP/s (2·m·k·n per call), for the shapes of the
// issue-6 workload: batch 32 and 256 through the "small" (32 → 64) and "wide" (512 → 512) dense
// layers, in the three layouts forward and backward use. Best of several timed rounds, after a
// warm-up (so V8 has tiered the wasm and JS code up to its optimizing compiler).
//
//   npx tsx bench/kernels.ts            wasm and js
//   npx tsx bench/kernels.ts --quick    fewer rounds
import { jsKernels } from '../src/kernels/js.js';
import type { Kernels } from '../src/kernels/kernels.js';
import { loadWasmKernelsSync } from '../src/kernels/wasm/load-wasm.js';

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
];

function filled(kernels: Kernels, length: number): Float32Array {
  const array = kernels.alloc(length);
  for (let i = 0; i < length; i++) array[i] = Math.random() - 0.5;
  return array;
}

function gflops(kernels: Kernels, layout: Layout, m: number, k: number, n: number): number {
  // Operand sizes are the same in every layout; only how they are read differs.
  const a = filled(kernels, m * k);
  const b = filled(kernels, k * n);
  const out = kernels.alloc(m * n);
  const run = kernels[layout].bind(kernels);
  const flops = 2 * m * k * n;
  let calls = 1;
  const started = performance.now();
  while (performance.now() - started < SECONDS_PER_ROUND * 1000) {
    for (let i = 0; i < calls; i++) run(a, b, out, m, k, n);
    calls *= 2;
  }
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) run(a, b, out, m, k, n);
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, (flops * calls) / seconds / 1e9);
  }
  kernels.free(a);
  kernels.free(b);
  kernels.free(out);
  return best;
}

const sets: Kernels[] = [loadWasmKernelsSync(), jsKernels];
const rows: string[][] = [];
for (const layout of LAYOUTS) {
  for (const [m, k, n] of SHAPES) {
    const results = sets.map((kernels) => gflops(kernels, layout, m, k, n));
    rows.push([layout, `${m}×${k} · ${k}×${n}`, ...results.map((g) => g.toFixed(2)), (results[0] / results[1]).toFixed(1)]);
  }
}
const header = ['layout', 'shape (m×k · k×n)', ...sets.map((s) => `${s.name} GFLOP/s`), 'wasm / js'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
