import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsv } from './parse-csv.js';
import { parseCsvReference } from './parse-csv-reference.js';
import { bits } from '../../test/helpers/table-bits.js';

// Cells the fast path reads (numbers of up to 15 and past 15 digits, signs, a lone separator)
// and cells it hands to the full reader (exponents, blanks, escaped quotes, stray breaks).
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[+-]?\d{0,17}([.,]\d{0,24})?$/) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '-0', '"1.5"', '"a,b"', '""', '"x""y"', ' 7', '7 ', '7\u00a0', 'Jyväskylä', 'é', '1e5', 'NA', '"', 'a"b', '\r', '"2\n3"'),
  },
);

test('rows of numbers and quoted text read as the reference reads them, with LF or CRLF', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom<[string, '.' | ',']>([',', '.'], [';', ','], ['\t', '.'], [',', ',']),
      (rows, ending, [delimiter, decimal]) => {
        const text = ['a', 'b', 'c'].join(delimiter) + ending + rows.map((row) => row.join(delimiter)).join(ending) + ending;
        const options = { target: null, decimal, delimiter, file: 'fast.csv' };
        const read = (parse: typeof parseCsv) => {
          try {
            return bits(parse(text, options));
          } catch (error) {
            return String(error);
          }
        };
        assert.deepEqual(read(parseCsv), read(parseCsvReference));
      },
    ),
    { numRuns: 2000 },
  );
});
