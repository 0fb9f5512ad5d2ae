import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvParseOptions, csvSyntaxError } from '../data/parse-csv-rules.js';
import { ConfigError, DataError } from '../errors.js';
import { readCsvBatches, type CsvBatch } from './read-csv-batches.js';

const fixtures = 'test/fixtures/data';
const scratch = mkdtempSync(join(tmpdir(), 'nnkit-batches-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

async function collect(file: string, batchSize?: number): Promise<CsvBatch[]> {
  const batches: CsvBatch[] = [];
  for await (const batch of readCsvBatches(file, { batchSize })) batches.push(batch);
  return batches;
}

test('batches hold raw text column by column, with the file line of every row', async () => {
  const batches = await collect(`${fixtures}/quoted.csv`, 2);
  assert.deepEqual(batches.map((b) => b.rows), [2, 2, 1]);
  assert.deepEqual(batches[0].names, ['id', 'comment', 'score', 'label']);
  assert.deepEqual(batches[0].columns[1], ['hello, world', 'she said "hi"']);
  assert.deepEqual(batches[1].columns[2], ['NaN', '?']);
  assert.deepEqual(batches.flatMap((b) => [...b.lines]), [2, 3, 4, 6, 7]);
});

test('every row of the breast-cancer file arrives exactly once, in order', async () => {
  const batches = await collect('data/breast_cancer.csv', 100);
  assert.equal(batches.reduce((sum, b) => sum + b.rows, 0), 569);
  assert.equal(batches[0].columns[0][0], '17.99');
  assert.ok(batches.slice(0, -1).every((b) => b.rows === 100 && b.columns.every((c) => c.length === 100)));
});

test('a consumer may stop early without an error', async () => {
  let seen = 0;
  for await (const batch of readCsvBatches('data/breast_cancer.csv', { batchSize: 10 })) {
    seen += batch.rows;
    if (seen >= 30) break;
  }
  assert.equal(seen, 30);
});

test('a header-only file yields nothing; an empty or ragged file is a DataError with the line', async () => {
  assert.deepEqual(await collect(`${fixtures}/header-only.csv`), []);
  await assert.rejects(collect(`${fixtures}/empty.csv`), (e: unknown) => e instanceof DataError && e.code === 'data/empty-file');
  await assert.rejects(collect(`${fixtures}/ragged.csv`), (e: unknown) => e instanceof DataError && /ragged\.csv, line 4/.test(e.message));
});

test('the delimiter is sniffed; a bad batch size is a ConfigError', async () => {
  const file = join(scratch, 'tabs.csv');
  writeFileSync(file, 'a\tb\n1\t2\n');
  const [batch] = await collect(file);
  assert.deepEqual(batch.columns, [['1'], ['2']]);
  await assert.rejects(collect(file, 0), ConfigError);
});

// csv-parse with nnkit's options and readCsvBatches' row-length rule, as it read before it ran on
// the byte tokenizer: the records and their lines, or the first error.
function csvParseRows(text: string, delimiter: string): { cells: string[][]; lines: number[] } | { code: string; line?: number } {
  const cells: string[][] = [];
  const lines: number[] = [];
  let ragged: number | undefined;
  try {
    parse(text, csvParseOptions(delimiter, (record, line) => {
      if (ragged !== undefined) return;
      if (cells.length > 0 && record.length !== cells[0].length) ragged = line;
      cells.push(record);
      lines.push(line);
    }));
  } catch (error) {
    if (ragged !== undefined) return { code: 'data/ragged-row', line: ragged };
    const failure = csvSyntaxError(error as Parameters<typeof csvSyntaxError>[0], 'x');
    return { code: failure.code, line: failure.location.line };
  }
  if (ragged !== undefined) return { code: 'data/ragged-row', line: ragged };
  return { cells, lines };
}

test("on any text, the records, lines and errors are csv-parse's", async () => {
  const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '\r', 'é', '\t'), maxLength: 5 });
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.boolean(), async (rows, bom) => {
      const text = (bom ? '\ufeff' : '') + 'h1,h2\n' + rows.map((row) => row.join(',')).join('\n');
      const file = join(scratch, 'any.csv');
      writeFileSync(file, text);
      let got: unknown;
      try {
        const batches = await collect(file, 3);
        const cells = batches.flatMap((batch) => Array.from({ length: batch.rows }, (_, r) => batch.columns.map((column) => column[r])));
        got = { cells: [['h1', 'h2'], ...cells], lines: [1, ...batches.flatMap((batch) => [...batch.lines])] };
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        got = { code: error.code, line: error.location.line };
      }
      assert.deepEqual(got, csvParseRows(text, ','));
    }),
    { numRuns: 300 },
  );
});
