// Kernel-only training steps: what the kernels allow before any model code runs. The issue-6
// models ("small" 32 → 64 relu → 64 relu → 1 sigmoid, "wide" 32 → 512 relu → 512 relu → 1
// sigmoid) are trained with the kernel calls a dense layer makes (forward matmul + fused bias and
// activation; backward relu gradient, matmulTransA, sumRows, matmulTransB; one Adam update over
// one flat parameter buffer) and a fused sigmoid + binary cross-entropy gradient, all buffers from
// `kernels().memory.alloc`. No shuffling, no loss value, no metrics: an upper bound for a model's fit.
// The wasm kernels run on one thread, then with their worker threads (large calls split).
//
//   npx tsx bench/training-step.ts
import { jsKernels } from '../src/kernels/js.js';
import type { KernelActivation, Kernels } from '../src/kernels/kernels.js';
import { loadWasmKernelsSync } from '../src/kernels/wasm/load-wasm.js';
import { setThreadHost } from '../src/kernels/wasm/thread-host.js';
import { setKernelThreads, startKernelThreads } from '../src/kernels/wasm/thread-pool.js';
import { nodeThreads } from '../src/node/node-threads.js';

const SECONDS = 0.5;
const FEATURES = 32;

interface Layer {
  readonly inDim: number;
  readonly units: number;
  readonly activation: KernelActivation;
  readonly w: Float32Array;
  readonly b: Float32Array;
  readonly dw: Float32Array;
  readonly db: Float32Array;
  readonly y: Float32Array;
  /** The gradient with respect to this layer's output (then, in place, its pre-activation). */
  readonly dy: Float32Array;
}

function build(k: Kernels, widths: number[], batch: number) {
  const weights = widths.slice(1).reduce((sum, units, i) => sum + (widths[i] + 1) * units, 0);
  const params = k.memory.alloc(weights);
  const grads = k.memory.alloc(weights);
  const m = k.memory.alloc(weights);
  const v = k.memory.alloc(weights);
  for (let i = 0; i < weights; i++) params[i] = (Math.random() - 0.5) * 0.2;
  let offset = 0;
  const take = (array: Float32Array, length: number) => array.subarray(offset, offset + length);
  const layers: Layer[] = widths.slice(1).map((units, i) => {
    const inDim = widths[i];
    const w = take(params, inDim * units);
    const dw = take(grads, inDim * units);
    offset += inDim * units;
    const b = take(params, units);
    const db = take(grads, units);
    offset += units;
    const activation = i === widths.length - 2 ? 'sigmoid' : 'relu';
    return { inDim, units, activation, w, b, dw, db, y: k.memory.alloc(batch * units), dy: k.memory.alloc(batch * units) };
  });
  const x = k.memory.alloc(batch * FEATURES);
  const labels = k.memory.alloc(batch);
  for (let i = 0; i < x.length; i++) x[i] = Math.random() * 2 - 1;
  for (let i = 0; i < batch; i++) labels[i] = Math.random() < 0.5 ? 1 : 0;
  // NOTE: params, grads, m and v are the parents of the layers' subarrays: keep them reachable.
  return { weights, params, grads, m, v, layers, x, labels };
}

function forward(k: Kernels, model: ReturnType<typeof build>, batch: number): void {
  let input = model.x;
  for (const layer of model.layers) {
    k.compute.matmul(input, layer.w, layer.y, batch, layer.inDim, layer.units);
    k.compute.biasActivation(layer.y, layer.b, batch, layer.units, layer.activation);
    input = layer.y;
  }
}

function step(k: Kernels, model: ReturnType<typeof build>, batch: number, t: number): void {
  forward(k, model, batch);
  const { layers } = model;
  const out = layers[layers.length - 1];
  // Fused sigmoid + binary cross-entropy: d loss / d z = (p − label) / batch.
  for (let i = 0; i < batch; i++) out.dy[i] = (out.y[i] - model.labels[i]) / batch;
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = layers[index];
    if (layer.activation === 'relu') {
      k.compute.activationBackward(layer.dy, layer.y, layer.dy, batch * layer.units, 'relu');
    }
    const input = index === 0 ? model.x : layers[index - 1].y;
    k.compute.matmulTransA(input, layer.dy, layer.dw, layer.inDim, batch, layer.units);
    k.compute.sumRows(layer.dy, layer.db, batch, layer.units);
    if (index > 0) k.compute.matmulTransB(layer.dy, layer.w, layers[index - 1].dy, batch, layer.units, layer.inDim);
  }
  k.compute.adamUpdate(model.params, model.grads, model.m, model.v, model.weights, 1e-3, 0.9, 0.999, 1e-7, t);
}

/** Calls per second of `run`, best of five rounds after a warm-up. */
function rate(run: () => void): number {
  let calls = 1;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    for (let i = 0; i < calls; i++) run();
    calls *= 2;
  }
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) run();
    best = Math.max(best, calls / ((performance.now() - start) / 1000));
  }
  return best;
}

const configurations: Array<[string, number[]]> = [
  ['small', [FEATURES, 64, 64, 1]],
  ['wide', [FEATURES, 512, 512, 1]],
];
setThreadHost(nodeThreads);
const wasm = loadWasmKernelsSync();
const workers = await startKernelThreads();
const variants: Array<[string, Kernels, 0 | 'auto']> = [
  ['wasm 1 thread', wasm, 0],
  ...(workers > 0
    ? [[`wasm ${workers + 1} threads`, wasm, 'auto'] as [string, Kernels, 'auto']]
    : []),
  ['js', jsKernels, 0],
];
console.log('| model | work | backend | samples/s | GFLOP/s |');
console.log('|---|---|---|---|---|');
for (const [backend, k, threads] of variants) {
  setKernelThreads({ workers: threads });
  for (const [name, widths] of configurations) {
    for (const batch of [32, 256]) {
      const model = build(k, widths, batch);
      let t = 0;
      const samples = rate(() => step(k, model, batch, ++t)) * batch;
      // NOTE: the convention: training ≈ 6 FLOPs per weight per sample.
      const gflops = (6 * model.weights * samples) / 1e9;
      const cells = [name, `train, batch ${batch}`, backend, Math.round(samples), gflops.toFixed(2)];
      console.log(`| ${cells.join(' | ')} |`);
    }
    const batch = 1024;
    const model = build(k, widths, batch);
    const samples = rate(() => forward(k, model, batch)) * batch;
    const gflops = (2 * model.weights * samples) / 1e9;
    const cells = [name, `predict, batch ${batch}`, backend, Math.round(samples), gflops.toFixed(2)];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
