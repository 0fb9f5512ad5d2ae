import type { DataScans } from './kernels.js';

/**
 * Naive reference data scans: column by column, the textbook loops. Every other set's scans are
 * tested against these.
 */
export const referenceScans: DataScans = {
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
};
