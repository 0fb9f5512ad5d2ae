import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../../src/data/parse-csv.js';
import { NnkitError } from '../../src/errors.js';
import { readCsv } from '../../src/node/read-csv.js';

const ROOT = join(import.meta.dirname, '..', '..');
const folders = ['test/fixtures/data', 'test/fixtures/cli', 'data'];
const files = folders.flatMap((folder) =>
  readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.csv'))
    .map((name) => join(folder, name)),
);

/** The table, or the error's class, code, message and location: what a caller can observe. */
async function outcome(read: () => unknown): Promise<unknown> {
  try {
    return await read();
  } catch (error) {
    assert.ok(error instanceof NnkitError, `not an nnkit error: ${String(error)}`);
    return { name: error.name, code: error.code, message: error.message, location: (error as { location?: unknown }).location };
  }
}

for (const file of files) {
  test(`parseCsv on the text of ${file} gives what readCsv gives for the file, table or error`, async () => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const fromText = await outcome(() => parseCsv(text, { file }));
    const fromFile = await outcome(() => readCsv(file));
    assert.deepEqual(fromText, fromFile);
  });
}

test('parseCsv and readCsv agree with options: a target, a positive class, column types, a delimiter', async () => {
  const file = 'test/fixtures/data/customers.csv';
  const text = readFileSync(join(ROOT, file), 'utf8');
  const options = { target: 'churn', positive: 'no', columnTypes: { age: 'categorical' as const }, delimiter: ',' };
  const fromText = parseCsv(text, { ...options, file });
  assert.deepEqual(fromText, await readCsv(file, options));
  assert.equal(fromText.target?.classes[1], 'no');
  assert.equal(fromText.features.columns.find((column) => column.name === 'age')?.kind, 'categorical');
});

test('parseCsv says "The data" in errors when no file name is given, with the line', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n3\n'), /^DataError: The data, line 3: this row has 1 values/);
  assert.throws(() => parseCsv('  \n'), /^DataError: The data is empty/);
  const unclosed = (error: unknown) =>
    error instanceof NnkitError && error.code === 'data/csv-syntax' && /^The data, line 2: the CSV cannot be parsed \(Quote Not Closed/.test(error.message);
  assert.throws(() => parseCsv('a,label\n"1,0\n'), unclosed);
  assert.throws(() => parseCsv('a,b\n1,2\n', { delimiter: '"' }), /The delimiter must be a non-empty string/);
});

test('parseCsv reads a table without a target and a text without a final line break', () => {
  const table = parseCsv('x;y\n1;a\n2;b', { target: null });
  assert.equal(table.delimiter, ';');
  assert.equal(table.target, undefined);
  assert.equal(table.rows, 2);
  assert.deepEqual(table.features.columns.map((column) => column.kind), ['numeric', 'categorical']);
  assert.equal('file' in table, false);
});
