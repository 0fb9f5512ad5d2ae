import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scratchCsv } from '../../test/helpers/scratch-csv.js';
import { NnkitError } from '../errors.js';
import { DEFAULT_MISSING_VALUES, parseBooleanWord, parseNumber } from '../data/parse-value.js';
import { parseCsv } from '../data/parse-csv.js';
import { readCsv } from './read-csv.js';
import { asyncOutcome } from '../../test/helpers/table-bits.js';

const csvFile = scratchCsv('nnkit-csv-property-');

type Kind = 'numeric' | 'categorical' | 'boolean';
interface GeneratedColumn {
  readonly kind: Kind;
  readonly cells: readonly (string | number | null)[];
}

const missingTokens = new Set(DEFAULT_MISSING_VALUES.map((token) => token.toLowerCase()));
// Text that stays text: not a missing token, not a number, not a boolean word.
const word = fc
  .string({ unit: fc.constantFrom('a', 'B', 'z', ' ', ',', ';', '|', '\t', '"', '\n', 'é', '😀', '1', '.', '-', 'e'), minLength: 1, maxLength: 8 })
  .filter((text) => !missingTokens.has(text.toLowerCase()) && Number.isNaN(parseNumber(text)) && parseBooleanWord(text) < 0);
const float32 = fc.float({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const booleanWord = fc.constantFrom('true', 'false', 'Yes', 'NO', 'TRUE', 'no');

function columnOf(kind: Kind, rows: number): fc.Arbitrary<GeneratedColumn> {
  const present: fc.Arbitrary<string | number> = kind === 'numeric' ? float32 : kind === 'categorical' ? word : booleanWord;
  const cell = fc.option(present, { freq: 5, nil: null });
  return fc.array(cell, { minLength: rows, maxLength: rows }).map((cells) => ({ kind, cells }));
}

const table = fc.integer({ min: 1, max: 25 }).chain((rows) =>
  fc.record({
    columns: fc.array(fc.constantFrom<Kind>('numeric', 'categorical', 'boolean').chain((kind) => columnOf(kind, rows)), { minLength: 1, maxLength: 5 }),
    labels: fc.array(fc.constantFrom('cat', 'dog', 'emu'), { minLength: rows, maxLength: rows }).map((labels) => ['cat', 'dog', ...labels]),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
  }),
);

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

test('random tables written to CSV read back with the same kinds, values and labels', async () => {
  await fc.assert(
    fc.asyncProperty(table, async ({ columns, labels, delimiter }) => {
      const names = columns.map((_, c) => `c${c}`);
      // The two extra leading labels guarantee two classes; give them blank feature cells.
      const allColumns = columns.map((column) => [null, null, ...column.cells]);
      const lines = [[...names, 'label'].join(delimiter)];
      labels.forEach((label, r) => {
        const cells = allColumns.map((cells, c) => {
          const cell = cells[r];
          if (cell === null) return '';
          return columns[c].kind === 'categorical' ? quote(String(cell)) : String(cell);
        });
        lines.push([...cells, label].join(delimiter));
      });
      const data = await readCsv(csvFile(lines.join('\n') + '\n'));
      assert.equal(data.delimiter, delimiter);
      assert.equal(data.rows, labels.length);
      assert.deepEqual([...data.target!.labels].map((index) => data.target!.classes[index]), labels);
      columns.forEach((generated, c) => {
        const read = data.features.columns[c];
        const cells = allColumns[c];
        const present = cells.filter((cell) => cell !== null);
        assert.equal(read.kind, present.length === 0 ? 'numeric' : generated.kind);
        assert.equal(read.missing, cells.length - present.length);
        cells.forEach((cell, r) => {
          if (read.kind === 'categorical') assert.equal(read.codes[r] < 0 ? null : read.categories[read.codes[r]], cell);
          else if (read.kind === 'boolean') assert.ok(cell === null ? Number.isNaN(read.values[r]) : read.values[r] === parseBooleanWord(String(cell)));
          else assert.ok(cell === null ? Number.isNaN(read.values[r]) : read.values[r] === cell, `row ${r}: ${read.values[r]} vs ${cell}`);
        });
      });
    }),
    { numRuns: 150 },
  );
});

test('random bytes either read or fail with an nnkit error, never anything else', async () => {
  const garbage = fc.string({ unit: fc.constantFrom('a', '1', '.', ',', ';', '"', '\n', '\r', ' ', '\t', '|', 'NA', '?', '\ufeff', 'é', 'x,y'), maxLength: 60 });
  await fc.assert(
    fc.asyncProperty(garbage, fc.option(fc.constantFrom(',', ';'), { nil: undefined }), async (text, delimiter) => {
      try {
        await readCsv(csvFile(text), { delimiter });
      } catch (error) {
        assert.ok(error instanceof NnkitError, `not an nnkit error for ${JSON.stringify(text)}: ${String(error)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('readCsv of a file gives parseCsv\'s table or error for the same text', async () => {
  const piece = fc.constantFrom('a', '1', '-2.5', '1,5', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\u00a0', 'NA', '?', '\ufeff', 'é', '😀', 'yes', 'label');
  const text = fc.array(piece, { maxLength: 50 }).map((pieces) => `x,y,label\n${pieces.join('')}`);
  await fc.assert(
    fc.asyncProperty(text, fc.constantFrom(undefined, null), async (csv, target) => {
      const file = csvFile(csv);
      assert.deepEqual(await asyncOutcome(() => readCsv(file, { target })), await asyncOutcome(() => parseCsv(csv, { target, file })));
    }),
    { numRuns: 300 },
  );
});
