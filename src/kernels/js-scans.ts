import type { DataScans } from './kernels.js';

/**
 * The data scans in plain TypeScript: the js set's, the wasm set's fallback, and what a custom
 * set that leaves them out gets (`setKernels`).
 */
export const jsScans: DataScans = {
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
};
