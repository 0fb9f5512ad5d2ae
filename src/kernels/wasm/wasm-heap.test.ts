import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WasmHeap } from './wasm-heap.js';

const PAGE = 65536;

function sharedHeap(initialPages = 1, maximumPages = 64): WasmHeap {
  const limits = { initial: initialPages, maximum: maximumPages, shared: true };
  const memory = new WebAssembly.Memory(limits);
  return new WasmHeap(memory, true, maximumPages, 1024);
}

describe('WasmHeap', () => {
  it('hands out zero-filled views of the requested length inside its memory', () => {
    const heap = sharedHeap();
    const a = heap.alloc(10) as Float32Array;
    a.fill(7);
    heap.free(a);
    const b = heap.alloc(10) as Float32Array;
    assert.equal(b.length, 10);
    assert.ok(heap.owns(b));
    assert.ok(b.byteOffset >= 1024 && b.byteOffset % 64 === 0, `offset ${b.byteOffset}`);
    assert.deepEqual([...b], new Array(10).fill(0));
  });

  it('never gives two live blocks overlapping memory', () => {
    const heap = sharedHeap();
    const blocks = [3, 17, 1, 64, 100, 5].map((length) => heap.alloc(length) as Float32Array);
    heap.free(blocks[1]);
    heap.free(blocks[3]);
    blocks[1] = heap.alloc(20) as Float32Array;
    blocks[3] = heap.alloc(2) as Float32Array;
    const ranges = blocks.map((b) => [b.byteOffset, b.byteOffset + b.byteLength]);
    ranges.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < ranges.length; i++) {
      assert.ok(ranges[i][0] >= ranges[i - 1][1], `overlap at ${ranges[i][0]}`);
    }
  });

  it('reuses freed space: freeing everything returns the top to where it started', () => {
    const heap = sharedHeap();
    const start = heap.usedBytes();
    const blocks = [100, 200, 300, 400].map((length) => heap.alloc(length) as Float32Array);
    for (const index of [2, 0, 3, 1]) heap.free(blocks[index]);
    assert.equal(heap.usedBytes(), start);
  });

  it('grows a shared memory without detaching views handed out earlier', () => {
    const heap = sharedHeap(1, 64);
    const early = heap.alloc(8) as Float32Array;
    early.set([1, 2, 3, 4, 5, 6, 7, 8]);
    const big = heap.alloc(3 * PAGE) as Float32Array;
    assert.ok(heap.memory.buffer.byteLength >= 12 * PAGE, 'the memory grew');
    assert.equal(early.length, 8);
    assert.deepEqual([...early], [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(heap.owns(early) && heap.owns(big), 'views on old and new buffers are both owned');
    heap.view()[early.byteOffset / 4] = 42;
    assert.equal(early[0], 42);
  });

  it('returns null when a fixed-size memory is full instead of growing it', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
    const heap = new WasmHeap(memory, false, 1, 1024);
    const kept = heap.alloc(16) as Float32Array;
    assert.equal(heap.alloc(PAGE / 4), null);
    assert.equal(memory.buffer.byteLength, PAGE);
    assert.equal(kept.length, 16, 'existing views are intact');
  });

  it('ignores arrays it did not allocate', () => {
    const heap = sharedHeap();
    const before = heap.usedBytes();
    heap.free(new Float32Array(4));
    assert.equal(heap.owns(new Float32Array(4)), false);
    assert.equal(heap.usedBytes(), before);
  });

  it('returns a block to the heap once the array it handed out is garbage-collected', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const heap = sharedHeap();
    const start = heap.usedBytes();
    (() => {
      heap.alloc(1000);
    })();
    assert.ok(heap.usedBytes() > start);
    // NOTE: finalizers run in a task after the collection; give them a few chances.
    for (let attempt = 0; attempt < 20 && heap.usedBytes() > start; attempt++) {
      collect();
      await sleep(10);
    }
    assert.equal(heap.usedBytes(), start);
  });
});
