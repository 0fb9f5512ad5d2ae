import assert from 'node:assert/strict';
import { test } from 'node:test';
import { show } from './errors.js';

test('show quotes a short string whole', () => {
  assert.equal(show('Paris'), '"Paris"');
  assert.equal(show('x'.repeat(60)), JSON.stringify('x'.repeat(60)));
});

test('show cuts a long string and gives its length', () => {
  const huge = 'abcd'.repeat(13_107_200);
  assert.equal(show(huge), `"${'abcd'.repeat(10)}…" (52,428,800 characters)`);
});

test('show never splits a character made of two code units', () => {
  const shown = show('😀'.repeat(100));
  assert.match(shown, /^"(😀)+…" \(200 characters\)$/);
});

test('show names other values by kind', () => {
  assert.equal(show(3), '3');
  assert.equal(show(undefined), 'undefined');
  assert.equal(show([1, 2]), 'an array of length 2');
  assert.equal(show(new Float32Array(4)), 'a Float32Array of length 4');
  assert.equal(show({}), 'an object');
  assert.equal(show(() => 1), 'a function');
});
