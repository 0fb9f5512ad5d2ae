import type { Kernels } from './kernels.js';

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
};
