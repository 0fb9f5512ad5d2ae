import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MissingValues } from './parse-value.js';
import { sniffDecimal } from './sniff-decimal.js';

test('a ;-separated file with decimal commas is read with a comma, naming the column and a value', () => {
  const text = 'id;height;weight;label\n1;6,5;70;0\n2;7,25;81,5;1\n3;;66;0\n';
  assert.deepEqual(sniffDecimal(text, ';'), { decimal: ',', column: 'height', example: '6,5' });
});

test('a comma-delimited file is read with a point, whatever its quoted values hold', () => {
  assert.deepEqual(sniffDecimal('a,b\n"6,5",1\n"7,5",0\n', ','), { decimal: '.' });
});

test('a point-decimal column anywhere keeps the point, even beside a comma column', () => {
  assert.deepEqual(sniffDecimal('a;b;c\n6,5;1.5;x\n7,5;2.5;y\n', ';'), { decimal: '.' });
  assert.deepEqual(sniffDecimal('a;b\n6.5;x\n7.5;y\n', ';'), { decimal: '.' });
});

test('integers alone, text with commas, and lists of numbers show no decimal comma', () => {
  assert.equal(sniffDecimal('a;b\n1;2\n3;4\n', ';').decimal, '.');
  assert.equal(sniffDecimal('city;b\nParis, France;1\nRome, Italy;2\n', ';').decimal, '.');
  assert.equal(sniffDecimal('picks;b\n1,2,3;1\n4,5;2\n', ';').decimal, '.');
  assert.equal(sniffDecimal('a\tb\n1,5\tx\n2\ty\n', '\t').decimal, ',');
});

test('missing values do not count against a comma column, with the reader\'s tokens', () => {
  assert.equal(sniffDecimal('a;b\n6,5;x\n-;y\n', ';').decimal, '.');
  assert.equal(sniffDecimal('a;b\n6,5;x\n-;y\n', ';', new MissingValues(['-'])).decimal, ',');
});

test('only whole lines count: a header alone or a sample cut inside a quote gives a point', () => {
  assert.equal(sniffDecimal('a;b\n6,5;1', ';').decimal, '.');
  assert.equal(sniffDecimal('a;b\n6,5;"open\n', ';').decimal, '.');
  assert.equal(sniffDecimal('a;b\n6,5;1\n7,5;"cut', ';').decimal, ',');
});
