import {
  adamStepSize, denseChainBySteps, requireVelocity, type KernelActivation, type Kernels,
} from './kernels.js';

/**
 * Naive reference kernels: the textbook loops, accumulated in float64. Every optimized kernel
 * is tested against these.
 */
export const referenceKernels: Kernels = {
  name: 'reference',

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
    denseChainBySteps(referenceKernels, x, m, k, steps);
  },

  // x (size) → count of NaN / ±Infinity
  countNonFinite(x, size) {
    let count = 0;
    for (let i = 0; i < size; i++) if (!Number.isFinite(x[i])) count++;
    return count;
  },

  // x (rows, cols), low, high (cols) → out (3·cols): min, max, count outside [low, high], merged
  columnRanges(x, rows, cols, low, high, out) {
    for (let j = 0; j < cols; j++) {
      let min = out[j];
      let max = out[cols + j];
      let outside = out[2 * cols + j];
      for (let i = 0; i < rows; i++) {
        const v = x[i * cols + j];
        if (v < min) min = v;
        if (v > max) max = v;
        if (v < low[j] || v > high[j]) outside++;
      }
      out[j] = min;
      out[cols + j] = max;
      out[2 * cols + j] = outside;
    }
  },

  // x (rows, cols), center (cols) → out (2·cols) += Σ (x − center), Σ (x − center)²
  columnMoments(x, rows, cols, center, out) {
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) {
        const d = x[i * cols + j] - center[j];
        out[j] += d;
        out[cols + j] += d * d;
      }
    }
  },

  alloc(length) {
    return new Float32Array(length);
  },

  free() {
    // NOTE: ordinary arrays belong to the garbage collector; there is nothing to release.
  },
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
