import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvCellBatches, type CsvCellBatch } from './csv-cell-batches.js';
import type { ColumnType, Decimal, RawColumns } from './table.js';
import { TableScan } from './table-scan.js';
import { outcome } from '../../test/helpers/table-bits.js';

// Numbers with few and many distinct values, missing tokens, words, booleans, quoted cells, blanks.
const number = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value) => value.toPrecision(7)),
  fc.constantFrom('1.0', '01', '-0', '2,5', '1e3', '3.5e38', '4e39', '.5', '5.'),
);
const cell = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 2, arbitrary: fc.constantFrom('', 'NA', '?', 'null', 'na', 'yes', 'no', 'True', 'a', 'b', 'é', ' 7 ', '\u00a07') },
  { weight: 1, arbitrary: fc.constantFrom('"12"', '"a,b"', '"line\nbreak"', '"say ""hi"""', '" 3"') },
);
/**
 * CSV text: a header c0…, `distinct` rows of distinct numbers (past 1000 a column stops counting
 * its values, and TableScan then reads numbers without their text), then random rows.
 */
const csv = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    distinct: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 990, max: 1010 }), fc.integer({ min: 1200, max: 1300 })),
    rows: fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 }),
  })
  .map(({ columns, distinct, rows }) => {
    const header = [...Array.from({ length: columns }, (_, c) => `c${c}`), 'label'];
    const numbers = Array.from({ length: distinct }, (_, r) => [...Array.from({ length: columns }, (_, c) => String(r * 4 + c + 0.25)), 'neg']);
    const random = rows.map((row, r) => [...row.slice(0, columns), r % 3 === 0 ? 'pos' : 'neg']);
    return [header, ...numbers, ...random].map((line) => line.join(';')).join('\n') + '\n';
  });
const settings = fc.record({
  decimal: fc.constantFrom<Decimal>('.', ','),
  missingValues: fc.constantFrom<readonly string[] | undefined>(undefined, ['', 'NA'], ['-', 'yes'], ['1', '']),
  columnTypes: fc.constantFrom<Record<string, ColumnType> | undefined>(undefined, { c0: 'categorical' }, { c0: 'numeric' }, { c1: 'boolean' }),
  batchSize: fc.integer({ min: 1, max: 700 }),
});

function cellBatches(text: string, decimal: Decimal, missingValues: readonly string[] | undefined, batchSize: number): CsvCellBatch[] {
  const reader = new CsvCellBatches({ delimiter: 59, decimal, missingValues, batchSize, file: 'cells.csv' });
  const bytes = new TextEncoder().encode(text);
  return [...reader.push(bytes.subarray(0, bytes.length >> 1)), ...reader.push(bytes.subarray(bytes.length >> 1)), ...reader.end()];
}

/** The same batch as plain text columns. */
function asText(batch: CsvCellBatch): RawColumns {
  return { names: batch.names, columns: batch.names.map((_, c) => [...batch.columns[c]]), rows: batch.rows, lines: batch.lines, file: batch.file };
}

test('TableScan fits the same preprocessing, or fails alike, from cell batches as from their text', () => {
  fc.assert(
    fc.property(csv, settings, (text, { decimal, missingValues, columnTypes, batchSize }) => {
      const batches = cellBatches(text, decimal, missingValues, batchSize);
      const scan = (fromCells: boolean) =>
        outcome(() => {
          const scan = new TableScan({ exclude: ['label'], columnTypes, missingValues, decimal });
          // NOTE: the text is taken from a second read, so the cell batches' own texts stay unmade.
          const texts = fromCells ? batches : cellBatches(text, decimal, missingValues, batchSize).map(asText);
          texts.forEach((batch, index) => scan.add(batch, index % 2 === 0 ? undefined : (row) => row % 3 !== 1));
          return scan.preprocessor().config;
        });
      assert.deepEqual(scan(true), scan(false));
    }),
    { numRuns: 150 },
  );
});

test('past 1000 distinct values, missing-value tokens that read as numbers and late text are read as from text', () => {
  const lines = ['c0;c1;label', ...Array.from({ length: 1200 }, (_, r) => `${r + 0.25};${r * 2};neg`), '1;1;pos', '2;x;neg', ';NA;neg'];
  const text = lines.join('\n') + '\n';
  const fit = (fromCells: boolean, missingValues: readonly string[], types: Record<string, ColumnType>) =>
    outcome(() => {
      const scan = new TableScan({ exclude: ['label'], missingValues, columnTypes: types });
      const batches = cellBatches(text, '.', missingValues, 500);
      for (const batch of batches) scan.add(fromCells ? batch : asText(batch));
      return scan.preprocessor().config;
    });
  for (const [missing, types] of [[['1', ''], { c1: 'ignore' }], [['1', 'NA', ''], {}]] as const) {
    assert.deepEqual(fit(true, missing, types), fit(false, missing, types));
  }
  assert.equal((fit(true, ['1', ''], { c1: 'ignore' }) as { columns: { indicator: boolean }[] }).columns[0].indicator, true, '"1" is missing');
  assert.match(JSON.stringify(fit(true, ['NA', ''], {})), /late-text/, 'text after 1000 distinct numbers');
});

test('cell batches hold the records, lines and texts of the data, cut every batchSize records', () => {
  const text = 'a;b\n1;"x\ny"\n\n2;z\n3;\n';
  const batches = cellBatches(text, '.', undefined, 2);
  assert.deepEqual(batches.map((batch) => [batch.rows, [...batch.lines], batch.columns.map((column) => [...column])]), [
    [2, [2, 5], [['1', '2'], ['x\ny', 'z']]],
    [1, [6], [['3'], ['']]],
  ]);
  assert.throws(() => cellBatches('a;b\n1\n', '.', undefined, 2), /cells\.csv, line 2: this row has 1 values but the header has 2 columns/);
});

test('a batch given back holds a later batch in the same memory, and reads its own fields', () => {
  const reader = new CsvCellBatches({ delimiter: 44, decimal: '.', batchSize: 2, file: 'r.csv' });
  const push = (text: string) => reader.push(new TextEncoder().encode(text));
  const [first, second] = push('a,b\n1,x\n2,y\n3,v\n4,u\n');
  const cells = first.cells;
  reader.recycle(first);
  const [third] = push('5,t\n6,s\n');
  const [fourth] = push('7,"long text here"\n8,w\n');
  assert.equal(fourth.cells, cells);
  assert.ok(second.cells !== cells && third.cells !== cells);
  assert.deepEqual([...fourth.columns[0], ...fourth.columns[1], ...third.columns[1]], ['7', '8', 'long text here', 'w', 't', 's']);
  assert.equal(fourth.cells.number(2), 8);
});
