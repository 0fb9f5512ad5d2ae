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
