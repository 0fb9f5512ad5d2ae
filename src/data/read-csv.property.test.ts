import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCsvReference } from './parse-csv-reference.js';
import type { CsvProgress } from './csv-read-chunks.js';
import { readCsv } from './read-csv.js';
import { asyncOutcome as outcome, bits } from '../../test/helpers/table-bits.js';

/** The bytes as a stream cut at the given offsets (anywhere: inside a CRLF, a quote pair, a UTF-8 character). */
function streamOf(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    if (offset > start) pieces.push(bytes.slice(start, offset));
    start = Math.max(start, offset);
  }
  return new ReadableStream({
    pull(controller) {
      const next = pieces.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
  });
}

const cell = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.float().map(String),
  fc.stringMatching(/^[+-]?\d{0,6}([.,]\d{0,6})?([eE][+-]?\d{1,2})?$/),
  fc.constantFrom('', 'NA', 'na', '?', 'null', ' ', '\u00a0', '\u3000', 'é', '😀', 'x y', 'cat', 'yes', 'NO', '"', '""', '"a,b"', '"x""y"', '"\r\n"', '"é😀"', '"" ""'),
);
const text = fc
  .record({
    bom: fc.boolean(),
    columns: fc.integer({ min: 1, max: 4 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    ending: fc.constantFrom('\n', '\r\n', '\r'),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 15 }),
    blankLines: fc.boolean(),
  })
  .map(({ bom, columns, delimiter, ending, rows, blankLines }) => {
    const header = Array.from({ length: columns }, (_, c) => `c${c}`).join(delimiter);
    const lines = [header, ...rows.map((row) => row.join(delimiter))];
    return (bom ? '\ufeff' : '') + lines.join(blankLines ? ending + ending : ending);
  });
const options = fc.record(
  {
    decimal: fc.constantFrom<'.' | ','>('.', ','),
    target: fc.constantFrom(null, undefined),
    missingValues: fc.constantFrom(['', 'NA', '?'], ['-', 'K'], ['n/a', '']),
    file: fc.constant('chunks.csv'),
  },
  { requiredKeys: ['file'] },
);

test('readCsv over a stream cut anywhere gives the reference reader\'s table or error', async () => {
  const encoder = new TextEncoder();
  await fc.assert(
    fc.asyncProperty(text, options, fc.array(fc.nat(4000), { maxLength: 12 }), async (csv, chosen, cuts) => {
      const bytes = encoder.encode(csv);
      const expected = await outcome(() => parseCsvReference(csv, chosen));
      assert.deepEqual(await outcome(() => readCsv(streamOf(bytes, cuts), chosen)), expected);
      assert.deepEqual(await outcome(() => readCsv(bytes, chosen)), expected);
      assert.deepEqual(await outcome(() => readCsv(new Blob([bytes]), chosen)), expected);
    }),
    { numRuns: 1500 },
  );
});

test('readCsv reports progress: bytes and rows read, the total when known', async () => {
  const csv = `a,b,label\n${Array.from({ length: 10000 }, (_, r) => `${r},${r / 7},${r % 2}`).join('\n')}\n`;
  const bytes = new TextEncoder().encode(csv);
  const seen: CsvProgress[] = [];
  const table = await readCsv(streamOf(bytes, [1000, 70000, 71000, 120000]), { onProgress: (progress) => seen.push(progress) });
  assert.equal(table.rows, 10000);
  assert.ok(seen.length >= 2);
  assert.equal(seen[seen.length - 1].bytesRead, bytes.length);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i].bytesRead >= seen[i - 1].bytesRead && seen[i].rows >= seen[i - 1].rows);
  assert.ok(seen.every((event) => event.seconds >= 0 && event.bytesPerSecond > 0 && event.secondsLeft === undefined));
  const fromBlob: CsvProgress[] = [];
  await readCsv(new Blob([bytes]), { onProgress: (progress) => fromBlob.push(progress) });
  assert.equal(fromBlob[0].totalBytes, bytes.length);
  assert.equal(fromBlob[fromBlob.length - 1].secondsLeft, 0);
});

test('a quoted field far longer than a chunk reads whole, with the rows around it', async () => {
  const huge = 'ab"",\n'.repeat(500_000);
  const csv = `note,label\r\nshort,0\r\n"${huge}",1\r\nafter,0\r\n`;
  const bytes = new TextEncoder().encode(csv);
  const cuts = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, k) => k * 65536 + 7);
  const table = await readCsv(streamOf(bytes, cuts), { columnTypes: { note: 'categorical' } });
  assert.equal(table.rows, 3);
  const note = table.features.columns[0];
  assert.ok(note.kind === 'categorical');
  assert.deepEqual(Array.from(note.codes).map((code) => note.categories[code]), ['short', huge.replaceAll('""', '"'), 'after']);
});
