import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scratchCsv } from '../../test/helpers/scratch-csv.js';
import { ConfigError, DataError } from '../errors.js';
import { parseCsv } from '../data/parse-csv.js';
import { DEFAULT_MISSING_VALUES, parseBooleanWord, parseNumber } from '../data/parse-value.js';
import { Preprocessor } from '../data/preprocessor.js';
import { readCsvBatches } from './read-csv-batches.js';
import { readCsvTables, type CsvTableBatch } from './read-csv-tables.js';

const csvFile = scratchCsv('nnkit-csv-tables-');

async function collect(file: string, options: Parameters<typeof readCsvTables>[1]): Promise<CsvTableBatch[]> {
  const batches: CsvTableBatch[] = [];
  for await (const batch of readCsvTables(file, options)) batches.push(batch);
  return batches;
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { code: error.code, line: error.location.line, column: error.location.column };
  }
}

const missingTokens = new Set(DEFAULT_MISSING_VALUES.map((token) => token.toLowerCase()));
const word = fc
  .string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', 'é', '1', '-'), minLength: 1, maxLength: 6 })
  .filter((text) => text.trim() === text && !missingTokens.has(text.toLowerCase()) && Number.isNaN(parseNumber(text)) && parseBooleanWord(text) < 0);
const number = fc.oneof(fc.integer({ min: -999, max: 999 }).map(String), fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v.toPrecision(6)));
const missing = fc.constantFrom('', 'NA', '?', 'null');
const kinds = ['numeric', 'categorical', 'boolean'] as const;

function cellOf(kind: (typeof kinds)[number]): fc.Arbitrary<string> {
  const present = kind === 'numeric' ? number : kind === 'categorical' ? fc.constantFrom('red', 'green', 'blue', 'é "x"', 'a,b') : fc.constantFrom('yes', 'no', 'TRUE', 'false');
  return fc.oneof({ arbitrary: present, weight: 5 }, { arbitrary: missing, weight: 1 });
}

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A labelled file: an id column of words, typed feature columns, a label; its line ending. */
const files = fc
  .record({
    kinds: fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 4 }),
    rows: fc.integer({ min: 2, max: 40 }),
    crlf: fc.boolean(),
  })
  .chain(({ kinds: columns, rows, crlf }) =>
    fc.record({
      cells: fc.array(fc.tuple(word, ...columns.map(cellOf), fc.constantFrom('0', '1')), { minLength: rows, maxLength: rows }),
      columns: fc.constant(columns),
      crlf: fc.constant(crlf),
      batchSize: fc.integer({ min: 1, max: 7 }),
    }),
  )
  .map(({ cells, columns, crlf, batchSize }) => {
    const header = ['id', ...columns.map((kind, c) => `${kind}${c}`), 'label'];
    const end = crlf ? '\r\n' : '\n';
    const text = [header, ...cells].map((row) => row.map(quote).join(',')).join(end) + end;
    return { text, header, batchSize };
  });

test('typed batches give the features and kept text that text batches give, on any file', async () => {
  await fc.assert(
    fc.asyncProperty(files, async ({ text, batchSize }) => {
      const file = csvFile(text);
      const table = parseCsv(text, { target: 'label', allowOneClass: true, columnTypes: { id: 'ignore' } });
      const pre = Preprocessor.fit(table.features, { minFrequency: 1 });
      const options = { extraColumns: 'ignore' } as const;
      const expected: { x: number[]; warnings: string[]; ids: string[]; lines: number[] } = { x: [], warnings: [], ids: [], lines: [] };
      for await (const batch of readCsvBatches(file, { batchSize })) {
        const out = pre.transformRaw(batch, options);
        expected.x.push(...out.x.data);
        expected.warnings.push(...out.warnings.map((warning) => warning.message));
        expected.ids.push(...batch.columns[0]);
        expected.lines.push(...batch.lines);
      }
      const typed = await collect(file, { columnTypes: pre.columnTypes(), batchSize, keepText: ['id'] });
      const got: typeof expected = { x: [], warnings: [], ids: [], lines: [] };
      for (const batch of typed) {
        const out = pre.transform(batch, options);
        got.x.push(...out.x.data);
        got.warnings.push(...out.warnings.map((warning) => warning.message));
        got.ids.push(...batch.texts.id);
        got.lines.push(...batch.lines);
      }
      assert.deepEqual(got, expected);
      assert.ok(typed.slice(0, -1).every((batch) => batch.rows === batchSize));
    }),
    { numRuns: 40 },
  );
});

test('a cell a typed column cannot read fails as the text reader fails: same code, line and column', async () => {
  const text = 'x,flag,city,label\n1.5,yes,Oslo,0\n2,no,Rome,1\n3,yes,Oslo,0\n';
  const pre = Preprocessor.fit(parseCsv(text, { target: 'label' }).features, { minFrequency: 1 });
  for (const bad of ['x,flag,city,label\n1,yes,Oslo,0\n2,no,Rome,1\nabc,no,Oslo,1\n', 'x,flag,city,label\n1,yes,Oslo,0\n2,maybe,Rome,1\n', 'x,flag,city,label\n1,yes,Oslo,0\n1e999,no,Rome,1\n']) {
    const file = csvFile(bad);
    const viaText = await outcome(async () => {
      for await (const batch of readCsvBatches(file)) pre.transformRaw(batch, { extraColumns: 'ignore' });
    });
    const viaTables = await outcome(async () => {
      for (const batch of await collect(file, { columnTypes: pre.columnTypes() })) pre.transform(batch, { extraColumns: 'ignore' });
    });
    assert.equal((viaText as { code: string }).code, 'data/bad-value');
    assert.deepEqual(viaTables, viaText);
  }
});

test('a ragged row names its line; a header-only file yields no batch; an empty file fails', async () => {
  const ragged = await outcome(() => collect(csvFile('a,b\n1,2\n3\n'), { columnTypes: { a: 'numeric' } }));
  assert.deepEqual(ragged, { code: 'data/ragged-row', line: 3, column: undefined });
  assert.deepEqual(await collect(csvFile('a,b\n'), { columnTypes: { a: 'numeric' } }), []);
  assert.deepEqual(await outcome(() => collect(csvFile(''), { columnTypes: {} })), { code: 'data/empty-file', line: 1, column: undefined });
});

test('kept text is the cell as written, missing tokens and leading zeros included', async () => {
  const file = csvFile('id,x,label\n007,1,a\nNA,,b\n"1,5",2.50,a\n');
  const [batch] = await collect(file, { columnTypes: { x: 'numeric' }, keepText: ['id', 'x'] });
  assert.deepEqual(batch.texts, { id: ['007', 'NA', '1,5'], x: ['1', '', '2.50'] });
  assert.deepEqual(batch.columns.map((column) => column.name), ['x', 'label']);
  const x = batch.columns[0];
  assert.ok(x.kind === 'numeric');
  assert.deepEqual([...x.values], [1, NaN, 2.5]);
  assert.equal(x.missing, 1);
});

test('a delimiter of several characters and a bad batch size are option errors', async () => {
  await assert.rejects(() => collect(csvFile('a::b\n1::2\n'), { columnTypes: {}, delimiter: '::' }), (error: unknown) => error instanceof ConfigError && /readCsvBatches/.test(error.message));
  await assert.rejects(() => collect(csvFile('a,b\n1,2\n'), { columnTypes: {}, batchSize: 0 }), (error: unknown) => error instanceof ConfigError && /batchSize/.test(error.message));
});
