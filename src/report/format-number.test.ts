import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount, formatNumber, formatPercent, formatShort } from './format-number.js';

test('formatNumber shows metric values with 4 decimals and large values with grouped digits', () => {
  assert.equal(formatNumber(0.97368421), '0.9737');
  assert.equal(formatNumber(0.5), '0.5000');
  assert.equal(formatNumber(12345.67), '12,345.7');
  assert.equal(formatNumber(-2500), '-2,500');
});

test('formatShort trims trailing zeros from thresholds', () => {
  assert.equal(formatShort(0.41), '0.41');
  assert.equal(formatShort(0.327549), '0.3275');
  assert.equal(formatShort(1), '1');
});

test('formatCount groups thousands and formatPercent keeps one decimal', () => {
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatCount(999), '999');
  assert.equal(formatPercent(0.4567), '45.7%');
});
