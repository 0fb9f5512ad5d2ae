import { jsScans } from './js-scans.js';
import {
  adamStepSize, denseChainBySteps, requireVelocity, type ComputeKernels, type Kernels,
} from './kernels.js';
import { plainMemory } from './plain-memory.js';

/**
 * Plain TypeScript kernels arranged for the cache: the innermost loop walks contiguous memory
 * (i-p-j order) so the JIT can keep it tight. The fallback wherever WebAssembly is not
 * available, and where a wasm call finds no room in the wasm memory.
 */
export const jsCompute: ComputeKernels = {
  // a (m, k) · b (k, n) → out (m, n)
  matmul(a, b, out, m, k, n) {
    out.fill(0, 0, m * n);
    for (let i = 0; i < m; i++) {
      const outRow = i * n;
      for (let p = 0; p < k; p++) {
        const av = a[i * k + p];
        if (av === 0) continue;
        const bRow = p * n;
        for (let j = 0; j < n; j++) out[outRow + j] += av * b[bRow + j];
      }
    }
  },

  // a (k, m)ᵀ · b (k, n) → out (m, n)
  matmulTransA(a, b, out, m, k, n) {
    out.fill(0, 0, m * n);
    for (let p = 0; p < k; p++) {
      const aRow = p * m;
      const bRow = p * n;
      for (let i = 0; i < m; i++) {
        const av = a[aRow + i];
        if (av === 0) continue;
        const outRow = i * n;
        for (let j = 0; j < n; j++) out[outRow + j] += av * b[bRow + j];
      }
    }
  },

  // a (m, k) · b (n, k)ᵀ → out (m, n)
  matmulTransB(a, b, out, m, k, n) {
    for (let i = 0; i < m; i++) {
      const aRow = i * k;
      for (let j = 0; j < n; j++) {
        const bRow = j * k;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
        out[i * n + j] = sum;
      }
    }
  },

  // out (m, n) += bias (n)
  addBias(out, bias, m, n) {
    for (let i = 0; i < m; i++) {
      const row = i * n;
      for (let j = 0; j < n; j++) out[row + j] += bias[j];
    }
  },

  // x (m, n) → out (n)
  sumRows(x, out, m, n) {
    out.fill(0, 0, n);
    for (let i = 0; i < m; i++) {
      const row = i * n;
      for (let j = 0; j < n; j++) out[j] += x[row + j];
    }
  },

  // x (m, n) ← act(x + bias (n))
  biasActivation(x, bias, m, n, activation) {
    const size = m * n;
    if (bias !== null) jsCompute.addBias(x, bias, m, n);
    // NOTE: one loop per activation, so the JIT sees a monomorphic body.
    if (activation === 'relu') {
      // `v < 0 ? 0 : v` keeps NaN as NaN (a NaN never compares less than 0).
      for (let i = 0; i < size; i++) if (x[i] < 0) x[i] = 0;
    } else if (activation === 'sigmoid') {
      for (let i = 0; i < size; i++) x[i] = 1 / (1 + Math.exp(-x[i]));
    } else if (activation === 'tanh') {
      for (let i = 0; i < size; i++) x[i] = Math.tanh(x[i]);
    }
  },

  // dx (size) = dy (size) · act'(y (size))
  activationBackward(dy, y, dx, size, activation) {
    if (activation === 'relu') {
      for (let i = 0; i < size; i++) dx[i] = y[i] > 0 ? dy[i] : 0;
    } else if (activation === 'sigmoid') {
      for (let i = 0; i < size; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
    } else if (activation === 'tanh') {
      for (let i = 0; i < size; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
    } else if (dx !== dy) {
      dx.set(dy.subarray(0, size));
    }
  },

  // weights, grads, m, v (size) → weights, m, v updated
  adamUpdate(weights, grads, m, v, size, learningRate, beta1, beta2, epsilon, step) {
    const alpha = adamStepSize(learningRate, beta1, beta2, step);
    const keep1 = 1 - beta1;
    const keep2 = 1 - beta2;
    for (let i = 0; i < size; i++) {
      const g = grads[i];
      // NOTE: read m and v back after storing, so the step uses their float32 values.
      m[i] += (g - m[i]) * keep1;
      v[i] += (g * g - v[i]) * keep2;
      weights[i] -= (alpha * m[i]) / (Math.sqrt(v[i]) + epsilon);
    }
  },

  // weights, grads, velocity (size) → weights, velocity updated
  sgdUpdate(weights, grads, velocity, size, learningRate, momentum, nesterov) {
    if (momentum === 0) {
      for (let i = 0; i < size; i++) weights[i] -= learningRate * grads[i];
      return;
    }
    const state = requireVelocity(velocity);
    for (let i = 0; i < size; i++) {
      const g = learningRate * grads[i];
      state[i] = momentum * state[i] - g;
      weights[i] += nesterov ? momentum * state[i] - g : state[i];
    }
  },

  // x (m, k) → out of every step
  denseChain(x, m, k, steps) {
    denseChainBySteps(jsCompute, x, m, k, steps);
  },
};

/** The plain TypeScript kernel set: ordinary arrays, `jsCompute` and `jsScans`. */
export const jsKernels: Kernels = {
  name: 'js',
  memory: plainMemory,
  compute: jsCompute,
  scans: jsScans,
};
