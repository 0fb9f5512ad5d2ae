// The model doctor's scans of user data in the wasm kernels: NaN / ±Infinity counts, column
// ranges and column moments. User data rarely lives in the wasm memory, so each scans it through
// scratch a block at a time and never needs a copy of the whole input in the memory.
import { jsScans } from '../js-scans.js';
import type { DataScans } from '../kernels.js';
import { checkLength, checkSize } from './kernel-arguments.js';
import type { Staging } from './staging.js';
import type { KernelExports } from './wasm-binary.js';
import type { WasmHeap } from './wasm-heap.js';

/** Floats of user data copied into scratch and scanned at a time (256 KiB). */
const SCAN_BLOCK = 65536;

/** The bytes of a float64 array as float32 values, so they go through `Staging` unchanged. */
function asFloats(array: Float64Array, length: number): Float32Array {
  return new Float32Array(array.buffer, array.byteOffset, 2 * length);
}

/**
 * Calls `scan` with each block of rows of x (rows, cols), staged into scratch with room for
 * `otherBytes` of the scan's other operands (which it stages itself). Returns the rows scanned:
 * fewer than `rows` when the memory cannot hold a block, and the caller scans the rest in js.
 */
function scanBlocks(
  stage: Staging, x: Float32Array, rows: number, cols: number, otherBytes: number,
  scan: (block: number, count: number) => void,
): number {
  // NOTE: a block also keeps each call's counts far below 2²⁴, where the wasm code's float
  // counts stop being exact.
  const blockRows = Math.max(1, Math.floor(SCAN_BLOCK / cols));
  for (let start = 0; start < rows; start += blockRows) {
    const count = Math.min(blockRows, rows - start);
    const block = x.subarray(start * cols, (start + count) * cols);
    if (!stage.begin(stage.bytes(block, count * cols) + otherBytes)) return start;
    scan(stage.input(block, count * cols), count);
  }
  return rows;
}

export function wasmDataScans(wasm: KernelExports, heap: WasmHeap, stage: Staging): DataScans {
  return {
    // x (size) → count of NaN / ±Infinity
    countNonFinite(x, size) {
      checkSize('countNonFinite', 'size', size);
      checkLength('countNonFinite', 'x', x, size);
      if (heap.owns(x)) return wasm.countNonFinite(x.byteOffset, size);
      let count = 0;
      const scanned = scanBlocks(stage, x, size, 1, 0, (block, length) => {
        count += wasm.countNonFinite(block, length);
      });
      return count + jsScans.countNonFinite(x.subarray(scanned, size), size - scanned);
    },

    // x (rows, cols), low, high (cols) → out (3·cols): min, max, count outside [low, high], merged
    columnRanges(x, rows, cols, low, high, out) {
      checkSize('columnRanges', 'rows', rows);
      checkSize('columnRanges', 'cols', cols);
      checkLength('columnRanges', 'x', x, rows * cols);
      checkLength('columnRanges', 'low', low, cols);
      checkLength('columnRanges', 'high', high, cols);
      checkLength('columnRanges', 'out', out, 3 * cols);
      if (cols === 0) return;
      const partial = new Float32Array(3 * cols);
      const other =
        stage.bytes(low, cols) + stage.bytes(high, cols) + stage.bytes(partial, 3 * cols);
      const scanned = scanBlocks(stage, x, rows, cols, other, (block, count) => {
        const [pl, ph] = [stage.input(low, cols), stage.input(high, cols)];
        wasm.columnRanges(block, count, cols, pl, ph, stage.output(partial, 3 * cols, false));
        stage.finish();
        // NOTE: the blocks' results merge here in float64; strict comparisons keep the earlier
        // value on ties (−0 against 0), as a single pass over all rows would.
        for (let j = 0; j < cols; j++) {
          if (partial[j] < out[j]) out[j] = partial[j];
          if (partial[cols + j] > out[cols + j]) out[cols + j] = partial[cols + j];
          out[2 * cols + j] += partial[2 * cols + j];
        }
      });
      const rest = x.subarray(scanned * cols, rows * cols);
      jsScans.columnRanges(rest, rows - scanned, cols, low, high, out);
    },

    // x (rows, cols), center (cols) → out (2·cols) += Σ (x − center), Σ (x − center)²
    columnMoments(x, rows, cols, center, out) {
      checkSize('columnMoments', 'rows', rows);
      checkSize('columnMoments', 'cols', cols);
      checkLength('columnMoments', 'x', x, rows * cols);
      checkLength('columnMoments', 'center', center, cols);
      checkLength('columnMoments', 'out', out, 2 * cols);
      if (cols === 0) return;
      const [centerFloats, outFloats] = [asFloats(center, cols), asFloats(out, 2 * cols)];
      const other = stage.bytes(centerFloats, 2 * cols) + stage.bytes(outFloats, 4 * cols);
      const scanned = scanBlocks(stage, x, rows, cols, other, (block, count) => {
        const pc = stage.input(centerFloats, 2 * cols);
        // NOTE: the sums continue from out's values block after block, in row order, as one
        // pass over all rows would add them.
        wasm.columnMoments(block, count, cols, pc, stage.output(outFloats, 4 * cols, true));
        stage.finish();
      });
      const rest = x.subarray(scanned * cols, rows * cols);
      jsScans.columnMoments(rest, rows - scanned, cols, center, out);
    },
  };
}
