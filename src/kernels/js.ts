import type { Kernels } from './kernels.js';

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
};
