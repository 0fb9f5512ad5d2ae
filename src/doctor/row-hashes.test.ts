import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';
import { Random } from '../random/random.js';
import { hashRows, RowHashes } from './row-hashes.js';

/** One seeded hash of a row as first written: Murmur3's mix, one word after another. */
function oneHash(bits: Uint32Array, offset: number, cols: number, seed: number): number {
  let h = seed;
  for (let j = 0; j < cols; j++) {
    let k = bits[offset + j];
    if (k === 0x80000000) k = 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= cols;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

test('row hashes are the two seeded hashes of each row, joined into 53 bits', () => {
  const random = new Random(8);
  const [rows, cols] = [500, 7];
  const data = Float32Array.from({ length: rows * cols }, () => random.normal());
  const bits = new Uint32Array(data.buffer);
  const expected = Float64Array.from({ length: rows }, (_, i) => {
    const [high, low] = [0x9747b28c, 0x1b873593].map((seed) => oneHash(bits, i * cols, cols, seed));
    return high * 2 ** 21 + (low >>> 11);
  });
  assert.deepEqual(hashRows(nn.tensor(data, [rows, cols])), expected);
});

test('rows match when their values are bit-identical, −0 and 0 alike', () => {
  const training = RowHashes.of(nn.tensor([[1, 2], [0, 3], [1, 2]]));
  assert.equal(training.duplicates, 1);
  const overlap = training.overlap(nn.tensor([[5, 6], [-0, 3], [1, 2.0000002]]));
  assert.deepEqual(overlap, { count: 1, rows: [1] });
});

test('many rows: every duplicate and every shared row is found, and no other', () => {
  const random = new Random(12);
  const unique = Array.from({ length: 9000 }, () => [random.normal(), random.normal()]);
  // 1,000 repeats of earlier rows: the table probes past occupied slots for them.
  const training = [...unique, ...unique.slice(0, 1000)];
  const hashes = RowHashes.of(nn.tensor(training));
  assert.equal(hashes.size, 10_000);
  assert.equal(hashes.duplicates, 1000);
  const fresh = Array.from({ length: 3000 }, () => [random.normal() + 100, random.normal()]);
  const probe = [...fresh.slice(0, 1500), ...unique.slice(4000, 4500), ...fresh.slice(1500)];
  assert.deepEqual(hashes.overlap(nn.tensor(probe), 3), { count: 500, rows: [1500, 1501, 1502] });
});
