/** Block alignment in bytes: a cache line, so SIMD loads never straddle one needlessly. */
const ALIGN = 64;
const PAGE_BYTES = 65536;

interface Block {
  readonly bytes: number;
  /** Distinguishes successive blocks at the same offset, so a late finalizer frees nothing. */
  readonly id: number;
}

interface Held {
  readonly offset: number;
  readonly id: number;
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/** The bytes a request occupies: whole cache lines, at least one. */
function blockBytes(requested: number): number {
  return Math.max(ALIGN, roundUp(requested, ALIGN));
}

/**
 * The allocator over a WebAssembly memory: hands out zero-filled Float32Array views from
 * `start` upward (first fit over a sorted free list, neighbours merged on release, the top
 * returned to the bump pointer).
 *
 * Views must stay valid while layers hold them, so the memory never detaches its buffer:
 * - a shared memory (`growable`) grows in place; its old SharedArrayBuffer objects stay valid,
 *   which is why ownership is checked against every buffer the memory has had;
 * - an ordinary memory would detach every view when it grows, so it is never grown: when it is
 *   full, `alloc` returns null and the caller falls back to an ordinary array.
 *
 * A block returns to the free list on `free`, or when the view `alloc` returned is collected.
 */
export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  private readonly growable: boolean;
  private readonly maximumBytes: number;
  private readonly buffers = new Set<ArrayBufferLike>();
  private buffer: ArrayBufferLike;
  private floats: Float32Array;
  private top: number;
  /** Free blocks as [offset, bytes] pairs, sorted by offset, never adjacent. */
  private readonly freeBlocks: Array<[number, number]> = [];
  private readonly live = new Map<number, Block>();
  private nextId = 1;
  private readonly registry = new FinalizationRegistry<Held>((held) => {
    this.release(held.offset, held.id);
  });

  constructor(memory: WebAssembly.Memory, growable: boolean, maximumPages: number, start: number) {
    this.memory = memory;
    this.growable = growable;
    this.maximumBytes = maximumPages * PAGE_BYTES;
    this.buffer = memory.buffer;
    this.buffers.add(this.buffer);
    this.floats = new Float32Array(this.buffer);
    this.top = roundUp(Math.max(start, ALIGN), ALIGN);
  }

  /** Whether `array` views this memory (and so can be handed to the kernels as a pointer). */
  owns(array: Float32Array): boolean {
    return this.buffers.has(array.buffer);
  }

  /** The whole memory as floats, for copies in and out; re-read it after any allocation. */
  view(): Float32Array {
    return this.floats;
  }

  /** Bytes in use (live blocks and the holes between them), for diagnostics and tests. */
  usedBytes(): number {
    return this.top;
  }

  /** A zero-filled view of `length` floats, or null when the memory cannot hold it. */
  alloc(length: number): Float32Array | null {
    const offset = this.reserve(length * 4);
    if (offset === undefined) return null;
    const { id } = this.live.get(offset) as Block;
    const array = new Float32Array(this.buffer, offset, length);
    array.fill(0);
    this.registry.register(array, { offset, id }, array);
    return array;
  }

  /** Releases a view `alloc` returned; any other array is ignored. */
  free(array: Float32Array): void {
    if (!this.owns(array)) return;
    const block = this.live.get(array.byteOffset);
    if (block === undefined) return;
    this.registry.unregister(array);
    this.release(array.byteOffset, block.id);
  }

  /**
   * A block of at least `bytes` that the heap never frees (scratch areas, the matmul workspace):
   * the byte offset, or undefined when the memory cannot hold it. Release it with `releaseRaw`.
   */
  reserveRaw(bytes: number): number | undefined {
    return this.reserve(bytes);
  }

  releaseRaw(offset: number): void {
    const block = this.live.get(offset);
    if (block !== undefined) this.release(offset, block.id);
  }

  /** Finds room for a block and records it as live under a fresh id. */
  private reserve(requested: number): number | undefined {
    const bytes = blockBytes(requested);
    let offset: number | undefined;
    for (let i = 0; i < this.freeBlocks.length && offset === undefined; i++) {
      const [start, size] = this.freeBlocks[i];
      if (size < bytes) continue;
      if (size === bytes) this.freeBlocks.splice(i, 1);
      else this.freeBlocks[i] = [start + bytes, size - bytes];
      offset = start;
    }
    if (offset === undefined) {
      const end = this.top + bytes;
      if (end > this.buffer.byteLength && !this.grow(end)) return undefined;
      offset = this.top;
      this.top += bytes;
    }
    this.live.set(offset, { bytes, id: this.nextId++ });
    return offset;
  }

  private release(offset: number, id: number): void {
    const block = this.live.get(offset);
    if (block === undefined || block.id !== id) return;
    this.live.delete(offset);
    let start = offset;
    let bytes = block.bytes;
    // Insert in offset order, merging with the neighbours when they touch.
    let index = this.freeBlocks.findIndex(([other]) => other > offset);
    if (index === -1) index = this.freeBlocks.length;
    const before = this.freeBlocks[index - 1];
    if (before !== undefined && before[0] + before[1] === start) {
      start = before[0];
      bytes += before[1];
      this.freeBlocks.splice(--index, 1);
    }
    const after = this.freeBlocks[index];
    if (after !== undefined && start + bytes === after[0]) {
      bytes += after[1];
      this.freeBlocks.splice(index, 1);
    }
    if (start + bytes === this.top) this.top = start;
    else this.freeBlocks.splice(index, 0, [start, bytes]);
  }

  private grow(neededBytes: number): boolean {
    if (!this.growable || neededBytes > this.maximumBytes) return false;
    const current = this.buffer.byteLength;
    // NOTE: at least double, so a run of small allocations grows the memory O(log n) times.
    const target = Math.min(this.maximumBytes, Math.max(neededBytes, current * 2));
    try {
      this.memory.grow(Math.ceil((target - current) / PAGE_BYTES));
    } catch {
      try {
        this.memory.grow(Math.ceil((neededBytes - current) / PAGE_BYTES));
      } catch {
        return false;
      }
    }
    this.buffer = this.memory.buffer;
    this.buffers.add(this.buffer);
    this.floats = new Float32Array(this.buffer);
    return true;
  }
}
