import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from './random.js';

test('fillUint32 gives the numbers nextUint32 gives one by one, and continues the same stream', () => {
  const one = new Random(42);
  const bulk = new Random(42);
  const expected = Uint32Array.from({ length: 1000 }, () => one.nextUint32());
  const filled = new Uint32Array(1000);
  bulk.fillUint32(filled.subarray(0, 333));
  bulk.fillUint32(filled.subarray(333));
  assert.deepEqual(filled, expected);
  assert.equal(bulk.nextUint32(), one.nextUint32());
  assert.ok(filled.some((u) => u >= 2 ** 31), 'values above 2^31 stay unsigned');
});
