import { adamStepSize, denseChainBySteps, requireVelocity, type Kernels } from './kernels.js';

/**
 * Plain TypeScript kernels arranged for the cache: the innermost loop walks contiguous memory
 * (i-p-j order) so the JIT can keep it tight. The default backend, and the fallback wherever
 * WebAssembly is not available.
 */
export const jsKernels: Kernels = {
  name: 'js',

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
    if (bias !== null) jsKernels.addBias(x, bias, m, n);
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
    denseChainBySteps(jsKernels, x, m, k, steps);
  },

  // x (size) → count of NaN / ±Infinity
  countNonFinite(x, size) {
    // NOTE: x − x is 0 exactly when x is finite; four sums keep the additions independent.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const full = size & ~3;
    let i = 0;
    for (; i < full; i += 4) {
      s0 += x[i] - x[i];
      s1 += x[i + 1] - x[i + 1];
      s2 += x[i + 2] - x[i + 2];
      s3 += x[i + 3] - x[i + 3];
    }
    for (; i < size; i++) s0 += x[i] - x[i];
    if (s0 + s1 + s2 + s3 === 0) return 0;
    let count = 0;
    for (let j = 0; j < size; j++) if (!Number.isFinite(x[j])) count++;
    return count;
  },

  // x (rows, cols), low, high (cols) → out (3·cols): min, max, count outside [low, high], merged
  columnRanges(x, rows, cols, low, high, out) {
    // NOTE: row by row, so the data is read once in memory order; the per-column state is small.
    for (let i = 0, row = 0; i < rows; i++, row += cols) {
      for (let j = 0; j < cols; j++) {
        const v = x[row + j];
        if (v < out[j]) out[j] = v;
        if (v > out[cols + j]) out[cols + j] = v;
        if (v < low[j] || v > high[j]) out[2 * cols + j]++;
      }
    }
  },

  // x (rows, cols), center (cols) → out (2·cols) += Σ (x − center), Σ (x − center)²
  columnMoments(x, rows, cols, center, out) {
    for (let i = 0, row = 0; i < rows; i++, row += cols) {
      for (let j = 0; j < cols; j++) {
        const d = x[row + j] - center[j];
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
