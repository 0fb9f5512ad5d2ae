import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
