import { StateError } from '../../errors.js';
import { jsCompute } from '../js.js';
import {
  adamStepSize, requireVelocity, type ComputeKernels, type KernelMemory, type Kernels,
} from '../kernels.js';
import { wasmDataScans } from './data-scans.js';
import { wasmDenseChain } from './dense-chain.js';
import { activationCode, checkLength, checkSize } from './kernel-arguments.js';
import { Staging } from './staging.js';
import { KernelThreads } from './thread-pool.js';
import type { KernelExports, KernelsVariant } from './wasm-binary.js';
import type { WasmHeap } from './wasm-heap.js';

type GemmLayout = 'matmul' | 'matmulTransA' | 'matmulTransB';

/**
 * The WebAssembly SIMD kernel set over one instance and its heap. Operands allocated with
 * `alloc` are passed to the wasm code as pointers; any other array goes through `Staging`
 * (copied), and if even the copy does not fit in the memory the call runs in the js kernels.
 * Given the compiled module (and a shared memory), large matmuls and Adam steps are split
 * across worker threads (thread-pool.ts) with bit-identical results.
 */
export function createWasmKernels(
  wasm: KernelExports, heap: WasmHeap, variant: KernelsVariant, module?: WebAssembly.Module,
): Kernels {
  const reserved = heap.reserveRaw(wasm.gemmWorkspaceBytes());
  if (reserved === undefined) {
    throw new StateError(
      'kernels/wasm-memory',
      'The WebAssembly memory is too small for the matmul workspace; ' +
        'select the js backend with setBackend("js").',
    );
  }
  const work = reserved;
  const stage = new Staging(heap);
  const threads = module === undefined
    ? undefined
    : new KernelThreads(wasm, module, heap.memory, heap, work);

  /**
   * One matrix product in any layout: validates the sizes, stages operands that live outside the
   * memory, then runs it split across threads or on this thread (js when even staging fails).
   * Every layout is asm/gemm.ts with other element strides: A (i, p) at asI·i + asP·p, B (p, j)
   * at bsP·p + bsC·j.
   */
  function gemm(
    layout: GemmLayout, a: Float32Array, b: Float32Array, out: Float32Array,
    m: number, k: number, n: number,
  ): void {
    checkSize(layout, 'm', m);
    checkSize(layout, 'k', k);
    checkSize(layout, 'n', n);
    checkLength(layout, 'a', a, m * k);
    checkLength(layout, 'b', b, k * n);
    checkLength(layout, 'out', out, m * n);
    const staged = stage.bytes(a, m * k) + stage.bytes(b, k * n) + stage.bytes(out, m * n);
    if (!stage.begin(staged)) return jsCompute[layout](a, b, out, m, k, n);
    const pa = stage.input(a, m * k);
    const pb = stage.input(b, k * n);
    const po = stage.output(out, m * n, false);
    const transA = layout === 'matmulTransA';
    const transB = layout === 'matmulTransB';
    const [asI, asP] = transA ? [1, m] : [k, 1];
    const [bsP, bsC] = transB ? [1, k] : [n, 1];
    if (!threads?.gemm(pa, asI, asP, pb, bsP, bsC, po, m, k, n)) {
      wasm[layout](pa, pb, po, m, k, n, work);
    }
    stage.finish();
  }

  const memory: KernelMemory = {
    alloc(length) {
      checkSize('alloc', 'length', length);
      // NOTE: a full fixed-size memory hands out ordinary arrays: slower (staged), still correct.
      return heap.alloc(length) ?? new Float32Array(length);
    },

    free(array) {
      heap.free(array);
    },
  };

  const compute: ComputeKernels = {
    // a (m, k) · b (k, n) → out (m, n)
    matmul(a, b, out, m, k, n) {
      gemm('matmul', a, b, out, m, k, n);
    },

    // a (k, m)ᵀ · b (k, n) → out (m, n)
    matmulTransA(a, b, out, m, k, n) {
      gemm('matmulTransA', a, b, out, m, k, n);
    },

    // a (m, k) · b (n, k)ᵀ → out (m, n)
    matmulTransB(a, b, out, m, k, n) {
      gemm('matmulTransB', a, b, out, m, k, n);
    },

    // out (m, n) += bias (n)
    addBias(out, bias, m, n) {
      checkSize('addBias', 'm', m);
      checkSize('addBias', 'n', n);
      checkLength('addBias', 'out', out, m * n);
      checkLength('addBias', 'bias', bias, n);
      if (!stage.begin(stage.bytes(out, m * n) + stage.bytes(bias, n))) {
        return jsCompute.addBias(out, bias, m, n);
      }
      const pb = stage.input(bias, n);
      wasm.addBias(stage.output(out, m * n, true), pb, m, n);
      stage.finish();
    },

    // x (m, n) → out (n)
    sumRows(x, out, m, n) {
      checkSize('sumRows', 'm', m);
      checkSize('sumRows', 'n', n);
      checkLength('sumRows', 'x', x, m * n);
      checkLength('sumRows', 'out', out, n);
      if (!stage.begin(stage.bytes(x, m * n) + stage.bytes(out, n))) {
        return jsCompute.sumRows(x, out, m, n);
      }
      const px = stage.input(x, m * n);
      wasm.sumRows(px, stage.output(out, n, false), m, n);
      stage.finish();
    },

    // x (m, n) ← act(x + bias (n))
    biasActivation(x, bias, m, n, activation) {
      const code = activationCode('biasActivation', activation);
      checkSize('biasActivation', 'm', m);
      checkSize('biasActivation', 'n', n);
      checkLength('biasActivation', 'x', x, m * n);
      if (bias !== null) checkLength('biasActivation', 'bias', bias, n);
      if (!stage.begin(stage.bytes(x, m * n) + stage.bytes(bias, n))) {
        return jsCompute.biasActivation(x, bias, m, n, activation);
      }
      const pb = stage.input(bias, n);
      wasm.biasActivation(stage.output(x, m * n, true), pb, m, n, code);
      stage.finish();
    },

    // dx (size) = dy (size) · act'(y (size))
    activationBackward(dy, y, dx, size, activation) {
      const code = activationCode('activationBackward', activation);
      checkSize('activationBackward', 'size', size);
      checkLength('activationBackward', 'dy', dy, size);
      checkLength('activationBackward', 'y', y, size);
      checkLength('activationBackward', 'dx', dx, size);
      if (!stage.begin(stage.bytes(dy, size) + stage.bytes(y, size) + stage.bytes(dx, size))) {
        return jsCompute.activationBackward(dy, y, dx, size, activation);
      }
      const pdy = stage.input(dy, size);
      const py = stage.input(y, size);
      wasm.activationBackward(pdy, py, stage.output(dx, size, false), size, code);
      stage.finish();
    },

    // weights, grads, m, v (size) → weights, m, v updated
    adamUpdate(weights, grads, m, v, size, learningRate, beta1, beta2, epsilon, step) {
      checkSize('adamUpdate', 'size', size);
      checkLength('adamUpdate', 'weights', weights, size);
      checkLength('adamUpdate', 'grads', grads, size);
      checkLength('adamUpdate', 'm', m, size);
      checkLength('adamUpdate', 'v', v, size);
      const staged = stage.bytes(weights, size) + stage.bytes(grads, size);
      if (!stage.begin(staged + stage.bytes(m, size) + stage.bytes(v, size))) {
        return jsCompute.adamUpdate(
          weights, grads, m, v, size, learningRate, beta1, beta2, epsilon, step,
        );
      }
      const alpha = adamStepSize(learningRate, beta1, beta2, step);
      const pg = stage.input(grads, size);
      const pw = stage.output(weights, size, true);
      const pm = stage.output(m, size, true);
      const pv = stage.output(v, size, true);
      if (!threads?.adam(pw, pg, pm, pv, size, alpha, 1 - beta1, 1 - beta2, epsilon)) {
        wasm.adam(pw, pg, pm, pv, size, alpha, 1 - beta1, 1 - beta2, epsilon);
      }
      stage.finish();
    },

    // weights, grads, velocity (size) → weights, velocity updated
    sgdUpdate(weights, grads, velocity, size, learningRate, momentum, nesterov) {
      checkSize('sgdUpdate', 'size', size);
      checkLength('sgdUpdate', 'weights', weights, size);
      checkLength('sgdUpdate', 'grads', grads, size);
      const state = momentum === 0 ? null : requireVelocity(velocity);
      if (state !== null) checkLength('sgdUpdate', 'velocity', state, size);
      const staged = stage.bytes(weights, size) + stage.bytes(grads, size);
      if (!stage.begin(staged + stage.bytes(state, size))) {
        return jsCompute.sgdUpdate(
          weights, grads, velocity, size, learningRate, momentum, nesterov,
        );
      }
      const pg = stage.input(grads, size);
      const pw = stage.output(weights, size, true);
      const pv = state === null ? 0 : stage.output(state, size, true);
      wasm.sgd(pw, pg, pv, size, learningRate, momentum, nesterov ? 1 : 0);
      stage.finish();
    },

    // x (m, k) → out of every step
    denseChain(x, m, k, steps) {
      chain(x, m, k, steps);
    },

  };
  const chain = wasmDenseChain(compute, wasm, heap, stage, threads, work);
  return {
    name: 'wasm',
    description:
      `WebAssembly SIMD${variant.relaxed ? ' with fused multiply-add (relaxed SIMD)' : ''}, ` +
      `${variant.shared ? 'shared' : 'fixed-size'} memory`,
    memory,
    compute,
    scans: wasmDataScans(wasm, heap, stage),
  };
}
