import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkedArray } from './chunked-array.js';

test('a chunked array returns every pushed value in order across chunk boundaries', () => {
  const values = new ChunkedArray(Float32Array);
  const n = 65536 * 2 + 17;
  for (let i = 0; i < n; i++) values.push(i % 1000);
  assert.equal(values.length, n);
  let ok = true;
  values.forEach((value, index) => (ok &&= value === index % 1000));
  assert.ok(ok);
  const out = values.toArray();
  assert.equal(out.length, n);
  assert.equal(out[65536], 65536 % 1000);
  assert.equal(out[n - 1], (n - 1) % 1000);
  assert.equal(values.length, 0);
});

test('an empty chunked array gives an empty typed array and can be refilled', () => {
  const codes = new ChunkedArray(Int32Array);
  assert.deepEqual(codes.toArray(), new Int32Array(0));
  codes.push(-1);
  assert.deepEqual(codes.toArray(), Int32Array.from([-1]));
});

test('an expected length sizes the storage; more or fewer values than expected still come back exactly', () => {
  for (const count of [100, 99, 101, 65536 + 200]) {
    const values = new ChunkedArray(Float32Array, 100);
    for (let i = 0; i < count; i++) values.push(i);
    const out = values.toArray();
    assert.equal(out.length, count);
    assert.equal(out[count - 1], count - 1);
    assert.equal(out[0], 0);
  }
});

test('appending a view with room in front takes its array over, copying every chunk in front and closing a gap', () => {
  for (const [stored, room] of [[0, 0], [5, 5], [65536 + 3, 65536 + 10], [65536 * 2, 65536 * 2 + 1]]) {
    const values = new ChunkedArray(Int32Array);
    for (let i = 0; i < stored; i++) values.push(i);
    const buffer = new Int32Array(room + 4);
    buffer.set([-1, -2, -3, -4], room);
    assert.ok(values.appendInPlace(buffer.subarray(room)), `${stored} values, room for ${room}`);
    const expected = Int32Array.from({ length: stored + 4 }, (_, i) => (i < stored ? i : stored - i - 1));
    assert.deepEqual(values.toArray(), expected, `${stored} values, room for ${room}`);
  }
});

test('appending a view with too little room in front, or into storage with room in front, changes nothing', () => {
  const values = new ChunkedArray(Float32Array);
  for (let i = 0; i < 10; i++) values.push(i);
  assert.equal(values.appendInPlace(new Float32Array(12).subarray(9)), false);
  const leaving = new ChunkedArray(Float32Array, 10, 2);
  assert.equal(leaving.appendInPlace(new Float32Array(12).subarray(10)), false);
  assert.deepEqual([...values.toArray()], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('adopting an array moves the values in front, stores on in it, and takes the values after them over without a copy', () => {
  for (const [before, after, room] of [[0, 3, 5], [7, 3, 10], [65536 + 5, 65536 * 2, 65536 * 3 + 5], [65536 + 5, 65536 * 2, 65536 * 3 + 9]]) {
    const whole: Int32Array = new Int32Array(new SharedArrayBuffer((room + 4) * 4));
    whole.set([-1, -2, -3, -4], room);
    const values = new ChunkedArray<Int32Array>(Int32Array);
    for (let i = 0; i < before; i++) values.push(i);
    assert.ok(values.adopt(whole, room));
    for (let i = before; i < before + after; i++) values.push(i);
    const stored = before + after;
    assert.equal(whole[stored - 1], stored - 1, 'stored in the adopted array');
    if (stored <= room) {
      // NOTE: the part arrives as another object over the same memory, as a posted message does.
      const posted = new Int32Array(structuredClone(whole.buffer as SharedArrayBuffer));
      assert.ok(values.appendInPlace(posted.subarray(room)));
      const out = values.toArray();
      assert.deepEqual(out, Int32Array.from({ length: stored + 4 }, (_, i) => (i < stored ? i : stored - i - 1)), `${before} + ${after} in room ${room}`);
      // NOTE: with a gap between the two (fewer rows here than room), the values move down and
      // the exact-length result is a copy.
      if (stored === room) assert.equal(out.buffer, whole.buffer, 'no copy');
    }
  }
});

test('values past the room of an adopted array go to chunks; adoption is refused when they do not fit', () => {
  const whole: Float32Array = new Float32Array(new SharedArrayBuffer(12 * 4));
  const values = new ChunkedArray<Float32Array>(Float32Array);
  for (let i = 0; i < 3; i++) values.push(i);
  assert.ok(values.adopt(whole, 5));
  for (let i = 3; i < 9; i++) values.push(i);
  assert.deepEqual([...whole.subarray(0, 6)], [0, 1, 2, 3, 4, 0], 'nothing written past the room');
  assert.equal(values.appendInPlace(whole.subarray(5)), false);
  const other = new ChunkedArray<Float32Array>(Float32Array);
  other.push(7);
  assert.ok(other.adopt(new Float32Array(new SharedArrayBuffer(12)), 1));
  const elsewhere = new Float32Array(new SharedArrayBuffer(12));
  elsewhere.set([1, 2], 1);
  assert.ok(other.appendInPlace(elsewhere.subarray(1)), 'other shared memory is copied in');
  assert.deepEqual([...other.toArray()], [7, 1, 2]);
  assert.deepEqual([...values.toArray()], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  const full = new ChunkedArray<Float32Array>(Float32Array);
  for (let i = 0; i < 6; i++) full.push(i);
  assert.equal(full.adopt(whole, 5), false);
  assert.equal(new ChunkedArray<Float32Array>(Float32Array, 10, 2).adopt(whole, 5), false, 'room in front of its own');
  assert.deepEqual([...full.toArray()], [0, 1, 2, 3, 4, 5]);
});

test('appended arrays are taken over as chunks when they do not fit, and copied into the room when they do', () => {
  const values = new ChunkedArray<Float32Array>(Float32Array);
  values.push(1);
  const big = Float32Array.from({ length: 70_000 }, (_, i) => i);
  values.append(big);
  values.push(-1);
  values.append(Float32Array.from([7, 8]));
  const chunks = values.takeChunks();
  assert.equal(chunks[1].buffer, big.buffer, 'the array itself, no copy');
  const joined = Float32Array.from(chunks.flatMap((chunk) => [...chunk]));
  assert.deepEqual([...joined.subarray(0, 3)], [1, 0, 1]);
  assert.deepEqual([...joined.subarray(70_000)], [69_999, -1, 7, 8]);
  const sized = new ChunkedArray<Int32Array>(Int32Array, 5);
  sized.push(1);
  const small = Int32Array.from([2, 3]);
  sized.append(small);
  small[0] = 9;
  sized.append(Int32Array.from([4, 5]));
  assert.deepEqual([...sized.toArray()], [1, 2, 3, 4, 5], 'copied into the presized array, which is handed over');
});
