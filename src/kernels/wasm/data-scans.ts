// The model doctor's scans of user data in the wasm kernels: NaN / ±Infinity counts, column
// ranges and column moments. User data rarely lives in the wasm memory, so each scans it through
// scratch a block at a time and never needs a copy of the whole input in the memory.
import { jsKernels } from '../js.js';
import type { Kernels } from '../kernels.js';
import { checkLength, checkSize } from './kernel-arguments.js';
import type { Staging } from './staging.js';
import type { KernelExports } from './wasm-binary.js';
import type { WasmHeap } from './wasm-heap.js';

/** Floats of user data copied into scratch and scanned at a time (256 KiB). */
const SCAN_BLOCK = 65536;

type DataScans = Pick<Kernels, 'countNonFinite' | 'columnRanges' | 'columnMoments'>;

/** The bytes of a float64 array as float32 values, so they go through `Staging` unchanged. */
function asFloats(array: Float64Array, length: number): Float32Array {
  return new Float32Array(array.buffer, array.byteOffset, 2 * length);
}

export function wasmDataScans(wasm: KernelExports, heap: WasmHeap, stage: Staging): DataScans {
  return {
    // x (size) → count of NaN / ±Infinity
    countNonFinite(x, size) {
      checkSize('countNonFinite', 'size', size);
      checkLength('countNonFinite', 'x', x, size);
      if (heap.owns(x)) return wasm.countNonFinite(x.byteOffset, size);
      let count = 0;
      for (let start = 0; start < size; start += SCAN_BLOCK) {
        const length = Math.min(SCAN_BLOCK, size - start);
        const block = x.subarray(start, start + length);
        if (!stage.begin(stage.bytes(block, length))) return jsKernels.countNonFinite(x, size);
        count += wasm.countNonFinite(stage.input(block, length), length);
      }
      return count;
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
      // NOTE: a block also keeps each call's counts far below 2²⁴, where the wasm code's float
      // counts stop being exact; the blocks' results merge here in float64.
      const blockRows = Math.max(1, Math.floor(SCAN_BLOCK / cols));
      const partial = new Float32Array(3 * cols);
      for (let start = 0; start < rows; start += blockRows) {
        const count = Math.min(blockRows, rows - start);
        const block = x.subarray(start * cols, (start + count) * cols);
        const bytes = stage.bytes(block, count * cols) + stage.bytes(low, cols) +
          stage.bytes(high, cols) + stage.bytes(partial, 3 * cols);
        if (!stage.begin(bytes)) {
          // NOTE: the rows before `start` are merged already.
          const rest = x.subarray(start * cols, rows * cols);
          return jsKernels.columnRanges(rest, rows - start, cols, low, high, out);
        }
        const px = stage.input(block, count * cols);
        const [pl, ph] = [stage.input(low, cols), stage.input(high, cols)];
        wasm.columnRanges(px, count, cols, pl, ph, stage.output(partial, 3 * cols, false));
        stage.finish();
        // NOTE: strict comparisons keep the earlier value on ties (−0 against 0), as a single
        // pass over all rows would.
        for (let j = 0; j < cols; j++) {
          if (partial[j] < out[j]) out[j] = partial[j];
          if (partial[cols + j] > out[cols + j]) out[cols + j] = partial[cols + j];
          out[2 * cols + j] += partial[2 * cols + j];
        }
      }
    },

    // x (rows, cols), center (cols) → out (2·cols) += Σ (x − center), Σ (x − center)²
    columnMoments(x, rows, cols, center, out) {
      checkSize('columnMoments', 'rows', rows);
      checkSize('columnMoments', 'cols', cols);
      checkLength('columnMoments', 'x', x, rows * cols);
      checkLength('columnMoments', 'center', center, cols);
      checkLength('columnMoments', 'out', out, 2 * cols);
      if (cols === 0) return;
      const blockRows = Math.max(1, Math.floor(SCAN_BLOCK / cols));
      const [centerFloats, outFloats] = [asFloats(center, cols), asFloats(out, 2 * cols)];
      for (let start = 0; start < rows; start += blockRows) {
        const count = Math.min(blockRows, rows - start);
        const block = x.subarray(start * cols, (start + count) * cols);
        const bytes = stage.bytes(block, count * cols) + stage.bytes(centerFloats, 2 * cols) +
          stage.bytes(outFloats, 4 * cols);
        if (!stage.begin(bytes)) {
          const rest = x.subarray(start * cols, rows * cols);
          return jsKernels.columnMoments(rest, rows - start, cols, center, out);
        }
        const px = stage.input(block, count * cols);
        const pc = stage.input(centerFloats, 2 * cols);
        // NOTE: the sums continue from out's values block after block, in row order, as one
        // pass over all rows would add them.
        wasm.columnMoments(px, count, cols, pc, stage.output(outFloats, 4 * cols, true));
        stage.finish();
      }
    },
  };
}
