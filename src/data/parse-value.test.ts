import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MissingValues, fitsFloat32, numberParser, parseBoolean, parseBooleanWord, parseCommaNumber, parseNumber } from './parse-value.js';

test('parseNumber reads plain decimal numbers in every usual spelling', () => {
  const cases: [string, number][] = [['12', 12], ['-0.5', -0.5], ['.5', 0.5], ['+7.', 7], ['1e-3', 0.001], ['2.5E+2', 250], ['007', 7]];
  for (const [text, value] of cases) assert.equal(parseNumber(text), value, text);
});

test('parseNumber refuses words, hex, Infinity, separators, spaces and empty text', () => {
  for (const text of ['', 'abc', '0x1f', 'Infinity', '1,000', ' 1', '1 ', '1e', '.', '-', '1.2.3', 'e5', '1_000', 'NaN']) {
    assert.ok(Number.isNaN(parseNumber(text)), text);
  }
});

test('parseNumber agrees with the decimal-number grammar on random spellings', () => {
  const grammar = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const spelling = fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', 'x', 'b', 'o', ' ', 'I', 'n', '_'), maxLength: 8 });
  fc.assert(
    fc.property(spelling, (text) => {
      assert.ok(Object.is(parseNumber(text), grammar.test(text) ? Number(text) : NaN), JSON.stringify(text));
    }),
    { numRuns: 20000 },
  );
});

test('fitsFloat32 rejects magnitudes a Float32Array would turn into Infinity', () => {
  assert.ok(fitsFloat32(3.4e38));
  assert.ok(!fitsFloat32(1e39));
  assert.ok(!fitsFloat32(parseNumber('-1e300')));
});

test('the default missing tokens match in any case and nothing else does', () => {
  const missing = new MissingValues();
  for (const text of ['', 'NA', 'na', 'NaN', 'nan', '?', 'null', 'NULL']) assert.ok(missing.has(text), text);
  for (const text of ['0', 'N', 'none', 'NA ', '??', 'nullish']) assert.ok(!missing.has(text), text);
  assert.ok(new MissingValues(['-999']).has('-999'));
  assert.ok(!new MissingValues(['-999']).has(''));
});

test('boolean words are true/false and yes/no in any case; 1/0 only for a known boolean column', () => {
  assert.deepEqual(['TRUE', 'yes', 'False', 'NO', '1', 'maybe'].map(parseBooleanWord), [1, 1, 0, 0, -1, -1]);
  assert.deepEqual(['1', '0', 'yes', 'y'].map(parseBoolean), [1, 0, 1, -1]);
});

test('parseCommaNumber reads numbers with a decimal comma, and integers alike', () => {
  const cases: [string, number][] = [['6,5', 6.5], ['-0,25', -0.25], [',5', 0.5], ['+7,', 7], ['12', 12], ['1,5e-3', 0.0015]];
  for (const [text, value] of cases) assert.equal(parseCommaNumber(text), value, text);
});

test('parseCommaNumber refuses points, two commas, words and empty text', () => {
  for (const text of ['6.5', '1.234,5', '1,2,3', ',', 'a,b', '', ' 6,5', '6,5 ']) {
    assert.ok(Number.isNaN(parseCommaNumber(text)), text);
  }
});

test('numberParser picks the parser of a decimal separator', () => {
  assert.equal(numberParser('.')('6.5'), 6.5);
  assert.equal(numberParser(',')('6,5'), 6.5);
  assert.ok(Number.isNaN(numberParser(',')('6.5')));
  assert.equal(numberParser()('6.5'), 6.5);
});
