import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../random/random.js';
import { formatFloat32, formatFloat32Reference } from './format-float32.js';

/** `nnkit predict`'s number formatting before formatFloat32 stopped calling toPrecision per value. */
function toPrecisionFormat(value: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(Number(value.toPrecision(9)));
}

test('formatFloat32 writes the same text as the toPrecision loop for every kind of probability', () => {
  const random = new Random(19);
  const values = new Float32Array(60_000);
  const bits = new Uint32Array(values.buffer);
  for (let i = 0; i < values.length; i++) {
    if (i % 3 === 0) values[i] = random.uniform();
    else if (i % 3 === 1) values[i] = 1 / (1 + Math.exp(-(random.uniform() * 60 - 30)));
    // Any float32 bit pattern from about 1e-13 up to 1 (tiny exponents, long mantissas).
    else bits[i] = 0x2a000000 + random.int(0x3f800000 - 0x2a000000);
  }
  const edges = [0, 1, -0.5, 0.5, 1e-13, 9.99e-14, 0.1, 0.099999994, 0.99999994, 5e-7, 3.4e-20, 1.5, 12345.678, Number.NaN, Infinity];
  let mismatches = 0;
  for (const value of [...values, ...edges.map(Math.fround)]) {
    const expected = toPrecisionFormat(value);
    if (formatFloat32(value) !== expected || formatFloat32Reference(value) !== expected) mismatches++;
  }
  assert.equal(mismatches, 0);
  assert.equal(formatFloat32(Math.fround(0.1)), '0.1');
  assert.equal(formatFloat32(Math.fround(1e-7)), '1e-7');
});
