import type { WasmHeap } from './wasm-heap.js';

const SLOTS = 4;

function roundUp16(bytes: number): number {
  return (bytes + 15) & ~15;
}

/**
 * Moves kernel operands that do not live in the wasm memory through a scratch area: inputs are
 * copied in, outputs copied back after the call. Operands that already live in the memory pass
 * through as their byte offsets, so a layer that allocates with `kernels().alloc` copies nothing.
 *
 * One call: `begin(total of bytes())`, then `input`/`output` per operand, the kernel, `finish()`.
 */
export class Staging {
  private readonly heap: WasmHeap;
  private scratch = 0;
  private scratchBytes = 0;
  private cursor = 0;
  private readonly pendingArrays: Array<Float32Array | undefined> = new Array(SLOTS);
  private readonly pendingOffsets = new Int32Array(SLOTS);
  private readonly pendingCounts = new Int32Array(SLOTS);
  private pending = 0;

  constructor(heap: WasmHeap) {
    this.heap = heap;
  }

  /** Scratch bytes an operand of `count` floats needs: 0 when it already lives in the memory. */
  bytes(array: Float32Array | null, count: number): number {
    return array === null || this.heap.owns(array) ? 0 : roundUp16(count * 4);
  }

  /** Makes room for `bytes` of staged operands; false when the memory cannot hold them. */
  begin(bytes: number): boolean {
    this.pending = 0;
    if (bytes > this.scratchBytes) {
      // NOTE: grow geometrically so a series of larger calls re-reserves O(log n) times.
      const wanted = Math.max(bytes, this.scratchBytes * 2, 65536);
      if (this.scratchBytes > 0) this.heap.releaseRaw(this.scratch);
      this.scratchBytes = 0;
      let offset = this.heap.reserveRaw(wanted);
      let size = wanted;
      if (offset === undefined) {
        offset = this.heap.reserveRaw(bytes);
        size = bytes;
      }
      if (offset === undefined) return false;
      this.scratch = offset;
      this.scratchBytes = size;
    }
    this.cursor = this.scratch;
    return true;
  }

  /** The byte offset of an input (0 for null), copied into scratch when it lives elsewhere. */
  input(array: Float32Array | null, count: number): number {
    if (array === null) return 0;
    if (this.heap.owns(array)) return array.byteOffset;
    const offset = this.cursor;
    this.cursor += roundUp16(count * 4);
    this.heap.view().set(array.length === count ? array : array.subarray(0, count), offset >>> 2);
    return offset;
  }

  /** The byte offset of an output, which `finish` copies back; `copyIn` if the kernel reads it. */
  output(array: Float32Array, count: number, copyIn: boolean): number {
    if (this.heap.owns(array)) return array.byteOffset;
    let offset = this.cursor;
    if (copyIn) offset = this.input(array, count);
    else this.cursor += roundUp16(count * 4);
    this.pendingArrays[this.pending] = array;
    this.pendingOffsets[this.pending] = offset;
    this.pendingCounts[this.pending] = count;
    this.pending++;
    return offset;
  }

  /** Copies staged outputs back into the caller's arrays. */
  finish(): void {
    for (let i = 0; i < this.pending; i++) {
      const start = this.pendingOffsets[i] >>> 2;
      const result = this.heap.view().subarray(start, start + this.pendingCounts[i]);
      (this.pendingArrays[i] as Float32Array).set(result);
      this.pendingArrays[i] = undefined;
    }
    this.pending = 0;
  }
}
