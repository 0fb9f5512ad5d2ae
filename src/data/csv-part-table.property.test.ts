import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvBytesTable } from './csv-bytes-table.js';
import { CsvPartTable, tableOptions } from './csv-part-table.js';
import type { ParseCsvOptions } from './csv-table.js';
import { libraryHint } from './option-hint.js';
import { SNIFF_LENGTH } from './sniff-decimal.js';
import type { StorageKind, TablePart } from './table-part.js';
import { outcome } from '../../test/helpers/table-bits.js';

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -99, max: 99 }).map(String), fc.constantFrom('1.5', '01', '1.0', '-0', '2,5', '1e3', '3.5e38')) },
  { weight: 3, arbitrary: fc.constantFrom('', 'NA', '?', 'null', 'yes', 'NO', 'true', 'a', 'b', 'é', 'x y', ' a ', '\u00a0') },
  { weight: 2, arbitrary: fc.constantFrom('"q"', '"a,b"', '"line\nbreak"', '"cr\r\nlf"', '"say ""hi"""', '""', '"" ', 'a"b', '"open', '"a" b') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '  ', '"') },
);
/** Tables that mostly parse, with numbers, words, quotes, missing values and some noise. */
const tableText = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    delimiter: fc.constantFrom(',', ';'),
    ending: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 16 }),
  })
  .map(({ columns, delimiter, ending, bom, rows }) => {
    const header = Array.from({ length: columns }, (_, c) => `c${c}`).join(delimiter);
    const lines = rows.map((row) => (row.length === columns || row.length > 2 ? row : Array.from({ length: columns }, (_, c) => row[c % row.length])));
    return (bom ? '\ufeff' : '') + [header, ...lines.map((row) => row.join(delimiter))].join(ending) + (rows.length % 2 ? ending : '');
  });
const options = fc.record(
  {
    target: fc.constantFrom<string | null | undefined>(null, undefined, 'c1'),
    missingValues: fc.constantFrom(['', 'NA', '?'], ['-', 'yes'], ['1', '']),
    columnTypes: fc.constantFrom<Record<string, 'numeric' | 'categorical' | 'boolean'>>({}, { c0: 'categorical' }, { c0: 'numeric' }, { c2: 'boolean' }),
    allowOneClass: fc.boolean(),
    file: fc.constant('parts.csv'),
  },
  { requiredKeys: ['file'] },
);

function startOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(0, SNIFF_LENGTH));
}

function lineCount(bytes: Uint8Array): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 10) lines++;
  return lines + (bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0);
}

/** The one-pass read. */
function onePass(bytes: Uint8Array, chosen: ParseCsvOptions, expectedRows?: number) {
  const table = new CsvBytesTable(startOf(bytes), chosen, libraryHint, expectedRows);
  table.push(bytes);
  return table.end();
}

type Layout = 'chunks' | 'sized' | 'shared';
type Offer = readonly [number, StorageKind, Float32Array | Int32Array];

/**
 * The read in two parts as readCsvInParts does it, the second part read by a CsvPartTable: in
 * chunks, or with the columns sized as there (the part's for the whole file, taken over); when
 * `shared`, in shared arrays this side adopts (as the worker offers them: right after the header
 * when `early`, else once its own part is read) and later as the part turns columns categorical.
 */
function inTwoParts(bytes: Uint8Array, split: number, chosen: ParseCsvOptions, layout: Layout, early: boolean) {
  const before = Math.max(0, lineCount(bytes.subarray(0, split)) - 1);
  const sizes = layout !== 'chunks' ? { expectedRows: before + lineCount(bytes.subarray(split)), start: before } : undefined;
  const table = new CsvBytesTable(startOf(bytes), chosen, libraryHint, layout === 'sized' ? before : undefined);
  const offers: Offer[] = [];
  const share = layout === 'shared' ? (column: number, kind: StorageKind, whole: Float32Array | Int32Array) => void offers.push([column, kind, whole]) : undefined;
  const adoptOffers = () => offers.splice(0).forEach(([column, kind, whole]) => table.adopt(column, kind, whole, before));
  const headerEnd = Math.min(split, bytes.indexOf(10) + 1);
  table.push(bytes.subarray(0, early ? headerEnd : split));
  let part: TablePart | undefined;
  let reader: CsvPartTable | undefined;
  const { header, delimiter, decimal, lineEnding } = table;
  try {
    if (header !== undefined && lineEnding !== undefined) {
      reader = new CsvPartTable({ header, ending: lineEnding, delimiter, decimal, options: tableOptions(chosen), file: chosen.file, sizes, share });
    }
  } catch {
    reader = undefined;
  }
  if (early) {
    adoptOffers();
    table.push(bytes.subarray(headerEnd, split));
  }
  const boundary = table.boundary();
  if (reader !== undefined && boundary !== undefined && boundary.ending === lineEnding) {
    try {
      reader.push(bytes.subarray(split));
      part = reader.end();
    } catch {
      part = undefined;
    }
  }
  adoptOffers();
  if (part === undefined || !table.merge(part, boundary!.lines)) table.push(bytes.subarray(split));
  return table.end();
}

test('a table read in two parts split at any line feed equals the one-pass table or error', () => {
  const encoder = new TextEncoder();
  fc.assert(
    fc.property(tableText, options, fc.constantFrom<Layout>('chunks', 'sized', 'shared'), fc.boolean(), (text, chosen, layout, early) => {
      const bytes = encoder.encode(text);
      const expected = outcome(() => onePass(bytes, chosen, layout === 'sized' ? Math.max(0, lineCount(bytes) - 1) : undefined));
      for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) {
        assert.deepEqual(outcome(() => inTwoParts(bytes, at + 1, chosen, layout, early)), expected, `split after byte ${at}`);
      }
    }),
    { numRuns: 1500 },
  );
});

test('the tokenizer is at a record boundary only between records, after the header', () => {
  const bytes = new TextEncoder().encode('a,b\n1,"x\ny"\n2,z\n');
  const at = (split: number) => {
    const table = new CsvBytesTable('a,b\n', { target: null });
    table.push(bytes.subarray(0, split));
    return table.boundary();
  };
  assert.equal(at(2), undefined, 'inside the header');
  assert.deepEqual(at(4), { lines: 1, ending: 'lf' });
  assert.equal(at(8), undefined, 'inside a quoted field');
  assert.deepEqual(at(12), { lines: 3, ending: 'lf' });
  assert.equal(at(13), undefined, 'inside a record');
  assert.deepEqual(at(16), { lines: 4, ending: 'lf' });
});
