import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalByte, parseNumberBytes } from './csv-number.js';
import { parseCsv } from './parse-csv.js';
import { parseCsvReference } from './parse-csv-reference.js';
import { parseCommaNumber, parseNumber } from './parse-value.js';
import { bits, outcome } from '../../test/helpers/table-bits.js';

const number = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value.toExponential(fc.sample(fc.nat(20), 1)[0])),
  fc.float().map(String),
  fc.stringMatching(/^[+-]?\d{0,25}(\.\d{0,25})?([eE][+-]?\d{1,3})?$/),
  fc.constantFrom('0', '-0', '-0.0', '1.', '.5', '+.5', '1e', 'e5', '.', '-', '+', '0x1f', '0b1', '1_000', '1e400', '-1e-400', '3.4028235e38', '3.5e38', '00012', '1.e5'),
);
const piece = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: number.map((text) => text.replace('.', ',')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', '  ', '\u00a0', '\u3000', '\ufeff', 'NA', 'na', '?', '', 'null', 'K'),
  },
  { weight: 2, arbitrary: fc.constantFrom('a', 'yes', 'NO', 'true', 'é', '😀', 'x y', 'cat', 'dog') },
);
const csvText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
/** Tables that mostly parse: a header, rows of numbers, words and quoted text, some noise. */
const tableText = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    ending: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.array(fc.oneof(number, piece, piece.map((text) => `"${text.replace(/"/g, '""')}"`)), { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
  })
  .map(({ columns, delimiter, ending, rows }) =>
    [Array.from({ length: columns }, (_, c) => `c${c}`).join(delimiter), ...rows.map((row) => row.join(delimiter))].join(ending),
  );
const options = fc.record(
  {
    delimiter: fc.constantFrom(',', ';', '\t', '::'),
    decimal: fc.constantFrom<'.' | ','>('.', ','),
    target: fc.constant(null),
    missingValues: fc.constantFrom(['', 'NA', '?'], ['-', 'K'], ['n/a', '']),
    file: fc.constant('hostile.csv'),
  },
  { requiredKeys: ['target', 'file'] },
);

test('the byte reader gives the reference reader\'s table or error on random and hostile text', () => {
  fc.assert(
    fc.property(fc.oneof(csvText, tableText), options, (text, chosen) => {
      assert.deepEqual(outcome(() => parseCsv(text, chosen)), outcome(() => parseCsvReference(text, chosen)));
    }),
    { numRuns: 3000 },
  );
});

test('the byte reader agrees with the reference with a target column (labels, classes, errors)', () => {
  fc.assert(
    fc.property(tableText, (text) => {
      assert.deepEqual(outcome(() => parseCsv(text)), outcome(() => parseCsvReference(text)));
    }),
    { numRuns: 1000 },
  );
});

test('numbers read from bytes equal Number() of their text, bit for bit, with either separator', () => {
  const encoder = new TextEncoder();
  fc.assert(
    fc.property(fc.oneof(number, fc.string({ maxLength: 8 })), (text) => {
      const bytes = encoder.encode(`x${text}y`);
      assert.ok(Object.is(parseNumberBytes(bytes, 1, bytes.length - 1, decimalByte('.')), parseNumber(text)), text);
      assert.ok(Object.is(parseNumberBytes(bytes, 1, bytes.length - 1, decimalByte(',')), parseCommaNumber(text)), text);
    }),
    { numRuns: 20000 },
  );
});
