// AssemblyScript: per-column summaries of a data matrix for the model doctor: ranges (the drift
// check on every input of predict and evaluate, src/doctor/check-drift.ts; min and max of the
// training rows) and moments (their mean and standard deviation, src/doctor/feature-stats.ts).
// The rows go in blocks small enough to stay in L1 while each group of columns runs down them.

import { loadLanes, storeLanes } from './elementwise';

/** Rows per block: 256 rows of up to 32 columns are 32 KiB. */
const ROW_BLOCK: i32 = 256;

/**
 * x (rows, cols), low and high (cols) → out (3·cols): per column the smallest value, the largest,
 * and how many values lie below low or above high (as f32: exact up to 2²⁴ rows, which the
 * caller stays within). NOTE: pmin(m, v) is `v < m ? v : m` and pmax(m, v) is `m < v ? v : m`,
 * the scalar loops' comparisons exactly, so every kernel set keeps the same zero of ±0.
 */
export function columnRanges(
  x: usize, rows: i32, cols: i32, low: usize, high: usize, out: usize,
): void {
  const maxOut = out + <usize>cols * 4;
  const countOut = maxOut + <usize>cols * 4;
  for (let j = 0; j < cols; j++) {
    store<f32>(out + <usize>j * 4, Infinity);
    store<f32>(maxOut + <usize>j * 4, -Infinity);
    store<i32>(countOut + <usize>j * 4, 0);
  }
  const rowBytes = <usize>cols * 4;
  for (let start = 0; start < rows; start += ROW_BLOCK) {
    const end = min(rows, start + ROW_BLOCK);
    for (let j = 0; j < cols; j += 4) {
      const lanes = min(4, cols - j);
      const offset = <usize>j * 4;
      const lo = loadLanes(low + offset, lanes);
      const hi = loadLanes(high + offset, lanes);
      let smallest = loadLanes(out + offset, lanes);
      let largest = loadLanes(maxOut + offset, lanes);
      let outside = loadLanes(countOut + offset, lanes);
      let p = x + <usize>start * rowBytes + offset;
      for (let i = start; i < end; i++) {
        const v = loadLanes(p, lanes);
        smallest = f32x4.pmin(smallest, v);
        largest = f32x4.pmax(largest, v);
        // NOTE: a comparison's true lanes are -1, so subtracting the mask counts them.
        outside = i32x4.sub(outside, v128.or(f32x4.lt(v, lo), f32x4.gt(v, hi)));
        p += rowBytes;
      }
      storeLanes(out + offset, smallest, lanes);
      storeLanes(maxOut + offset, largest, lanes);
      // NOTE: the counts pass through the float lane helpers as bits: moves, no arithmetic.
      storeLanes(countOut + offset, outside, lanes);
    }
  }
  for (let j = 0; j < cols; j++) {
    const p = countOut + <usize>j * 4;
    store<f32>(p, <f32>load<i32>(p));
  }
}

/**
 * x (rows, cols), center (cols, f64) → adds onto out (2·cols, f64): out[j] += Σ (x − center[j]),
 * out[cols + j] += Σ (x − center[j])², each column in row order, in float64: the bits of the
 * scalar loop `d = x − c; sum += d; squares += d · d` (no fused multiply-add), whatever the
 * kernel set. Two columns share a vector.
 */
export function columnMoments(x: usize, rows: i32, cols: i32, center: usize, out: usize): void {
  const squaresOut = out + <usize>cols * 8;
  const rowBytes = <usize>cols * 4;
  for (let start = 0; start < rows; start += ROW_BLOCK) {
    const end = min(rows, start + ROW_BLOCK);
    for (let j = 0; j < cols; j += 2) {
      const pair = j + 1 < cols;
      const offset = <usize>j * 8;
      const c = pair ? v128.load(center + offset) : v128.load64_zero(center + offset);
      let sum = pair ? v128.load(out + offset) : v128.load64_zero(out + offset);
      let squares = pair ? v128.load(squaresOut + offset) : v128.load64_zero(squaresOut + offset);
      let p = x + <usize>start * rowBytes + <usize>j * 4;
      for (let i = start; i < end; i++) {
        const v = pair ? v128.load64_zero(p) : v128.load32_zero(p);
        const d = f64x2.sub(f64x2.promote_low_f32x4(v), c);
        sum = f64x2.add(sum, d);
        squares = f64x2.add(squares, f64x2.mul(d, d));
        p += rowBytes;
      }
      if (pair) {
        v128.store(out + offset, sum);
        v128.store(squaresOut + offset, squares);
      } else {
        store<f64>(out + offset, f64x2.extract_lane(sum, 0));
        store<f64>(squaresOut + offset, f64x2.extract_lane(squares, 0));
      }
    }
  }
}
