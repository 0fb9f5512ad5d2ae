import {
  adamStepSize, denseChainBySteps, requireVelocity, type ComputeKernels, type KernelActivation,
  type Kernels,
} from './kernels.js';
import { plainMemory } from './plain-memory.js';
import { referenceScans } from './reference-scans.js';

/**
 * Naive reference kernels: the textbook loops, accumulated in float64. Every optimized kernel
 * is tested against these.
 */
export const referenceCompute: ComputeKernels = {
  // a (m, k) · b (k, n) → out (m, n)
  matmul(a, b, out, m, k, n) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[i * k + p] * b[p * n + j];
        out[i * n + j] = sum;
      }
    }
  },

  // a (k, m)ᵀ · b (k, n) → out (m, n)
  matmulTransA(a, b, out, m, k, n) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[p * m + i] * b[p * n + j];
        out[i * n + j] = sum;
      }
    }
  },

  // a (m, k) · b (n, k)ᵀ → out (m, n)
  matmulTransB(a, b, out, m, k, n) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[i * k + p] * b[j * k + p];
        out[i * n + j] = sum;
      }
    }
  },

  // out (m, n) += bias (n)
  addBias(out, bias, m, n) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] += bias[j];
  },

  // x (m, n) → out (n)
  sumRows(x, out, m, n) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += x[i * n + j];
      out[j] = sum;
    }
  },

  // x (m, n) ← act(x + bias (n))
  biasActivation(x, bias, m, n, activation) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        x[i * n + j] = activate(x[i * n + j] + (bias === null ? 0 : bias[j]), activation);
      }
    }
  },

  // dx (size) = dy (size) · act'(y (size))
  activationBackward(dy, y, dx, size, activation) {
    for (let i = 0; i < size; i++) {
      // NOTE: relu passes dy through or blocks it; 0·dy would turn an infinite dy into NaN.
      if (activation === 'relu') dx[i] = y[i] > 0 ? dy[i] : 0;
      else dx[i] = dy[i] * derivative(y[i], activation);
    }
  },

  // weights, grads, m, v (size) → weights, m, v updated
  adamUpdate(weights, grads, m, v, size, learningRate, beta1, beta2, epsilon, step) {
    const alpha = adamStepSize(learningRate, beta1, beta2, step);
    for (let i = 0; i < size; i++) {
      const g = grads[i];
      m[i] += (g - m[i]) * (1 - beta1);
      v[i] += (g * g - v[i]) * (1 - beta2);
      weights[i] -= (alpha * m[i]) / (Math.sqrt(v[i]) + epsilon);
    }
  },

  // weights, grads, velocity (size) → weights, velocity updated
  sgdUpdate(weights, grads, velocity, size, learningRate, momentum, nesterov) {
    for (let i = 0; i < size; i++) {
      if (momentum === 0) {
        weights[i] -= learningRate * grads[i];
        continue;
      }
      const state = requireVelocity(velocity);
      state[i] = momentum * state[i] - learningRate * grads[i];
      weights[i] += nesterov ? momentum * state[i] - learningRate * grads[i] : state[i];
    }
  },

  // x (m, k) → out of every step
  denseChain(x, m, k, steps) {
    denseChainBySteps(referenceCompute, x, m, k, steps);
  },
};

/** The reference kernel set: ordinary arrays, `referenceCompute` and `referenceScans`. */
export const referenceKernels: Kernels = {
  name: 'reference',
  memory: plainMemory,
  compute: referenceCompute,
  scans: referenceScans,
};

function activate(z: number, activation: KernelActivation): number {
  switch (activation) {
    case 'relu':
      return Math.max(0, z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'linear':
      return z;
  }
}

// The derivative of a smooth activation at z, written in terms of its output y = act(z).
function derivative(y: number, activation: Exclude<KernelActivation, 'relu'>): number {
  switch (activation) {
    case 'sigmoid':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'linear':
      return 1;
  }
}
