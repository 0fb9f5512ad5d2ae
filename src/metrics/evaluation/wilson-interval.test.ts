import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wilsonInterval, Z_95 } from './wilson-interval.js';

const close = (actual: number, expected: number, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

test('wilsonInterval of 3 positives out of 3 is [0.4385, 1], not the point [1, 1]', () => {
  // By hand: centre (1 + z²/6) / (1 + z²/3), half-width z/(1 + z²/3) · √(z²/(4·3²)).
  const z2 = Z_95 * Z_95;
  const center = (1 + z2 / 6) / (1 + z2 / 3);
  const half = (Z_95 / (1 + z2 / 3)) * Math.sqrt(z2 / 36);
  const { lower, upper } = wilsonInterval(1, 3);
  close(lower, center - half);
  close(lower, 0.43850, 1e-5);
  assert.equal(upper, 1);
});

test('wilsonInterval of 0 out of n reaches from 0 to z² / (n + z²)', () => {
  const { lower, upper } = wilsonInterval(0, 5);
  assert.equal(lower, 0);
  close(upper, (Z_95 * Z_95) / (5 + Z_95 * Z_95));
});

test('wilsonInterval is exactly 0 below a fraction of 0 and exactly 1 above a fraction of 1, whatever n', () => {
  for (let n = 1; n <= 200; n++) {
    assert.equal(wilsonInterval(0, n).lower, 0, `0 of ${n}`);
    assert.equal(wilsonInterval(1, n).upper, 1, `${n} of ${n}`);
  }
});

test('wilsonInterval narrows as n grows and always holds the observed fraction', () => {
  const widths = [10, 100, 1000].map((n) => {
    const { lower, upper } = wilsonInterval(0.3, n);
    assert.ok(lower < 0.3 && 0.3 < upper);
    return upper - lower;
  });
  assert.ok(widths[0] > widths[1] && widths[1] > widths[2], String(widths));
});

test('wilsonInterval takes another coverage through z (z = 1 for about 68%)', () => {
  const wide = wilsonInterval(0.5, 20);
  const narrow = wilsonInterval(0.5, 20, 1);
  assert.ok(narrow.upper - narrow.lower < wide.upper - wide.lower);
});
