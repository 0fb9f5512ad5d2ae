import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffDelimiter } from './sniff-delimiter.js';

test('the delimiter is the candidate seen most often in the header line', () => {
  assert.equal(sniffDelimiter('a,b,c\n1;2;3;4;5\n'), ',');
  assert.equal(sniffDelimiter('a;b;c\r\n1,5;2,5;3\r\n'), ';');
  assert.equal(sniffDelimiter('a\tb\tc'), '\t');
  assert.equal(sniffDelimiter('\ufeffa|b|c\n'), '|');
});

test('delimiters inside quoted header names do not count', () => {
  assert.equal(sniffDelimiter('"a,b,c";d;e\n'), ';');
});

test('a one-column header falls back to a comma, ties go to the earlier candidate', () => {
  assert.equal(sniffDelimiter('label\n1\n'), ',');
  assert.equal(sniffDelimiter('a,b;c\n'), ',');
});
