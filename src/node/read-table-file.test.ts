import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as arrow from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { DataError } from '../errors.js';
import { tableFromArrow } from '../data/arrow-table.js';
import { parquetBatches } from '../data/parquet-batches.js';
import { readParquet } from '../data/read-parquet.js';
import type { LabelledTable } from '../data/table-builder.js';
import { readCsv } from './read-csv.js';
import { readTableFile } from './read-table-file.js';

const FIXTURES = 'test/fixtures';
const csv = (name: string) => join(FIXTURES, 'cli', `${name}.csv`);
const typed = (name: string) => join(FIXTURES, 'parquet', name);
const WRITERS = ['customers.arrow-rs.parquet', 'customers.hyparquet.parquet', 'customers.arrow'];

interface PlainTable {
  readonly header: unknown;
  readonly rows: unknown;
  readonly columns: readonly unknown[];
  readonly target: unknown;
}

/** A table as plain data (typed arrays as arrays, NaN kept), for deepEqual. */
function plain(table: LabelledTable): PlainTable {
  const values = (array: ArrayLike<number>) => Array.from(array, (value) => (Number.isNaN(value) ? 'NaN' : value));
  return {
    header: table.header,
    rows: table.rows,
    columns: table.features.columns.map((column) =>
      column.kind === 'categorical'
        ? { ...column, codes: values(column.codes) }
        : { ...column, values: values(column.values) },
    ),
    target: table.target === undefined ? undefined : { ...table.target, labels: values(table.target.labels) },
  };
}

function parquetBytes(columnData: Parameters<typeof parquetWriteBuffer>[0]['columnData']): Uint8Array<ArrayBuffer> {
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}

describe('Parquet and Arrow files read to the table of the CSV they came from', () => {
  for (const name of WRITERS) {
    test(`${name} (written by ${name.includes('arrow-rs') ? 'parquet-wasm' : name.endsWith('.arrow') ? 'apache-arrow' : 'hyparquet-writer'}) equals customers.csv`, async () => {
      const expected = await readCsv(csv('customers'), { target: 'churned' });
      const actual = await readTableFile(typed(name), { target: 'churned' });
      assert.deepEqual(plain(actual), plain(expected));
      assert.deepEqual(actual.features.missingValues, expected.features.missingValues);
      assert.equal(actual.file, typed(name));
    });
  }

  test('a missing target column fails as it does for the CSV', async () => {
    const fromCsv = await readCsv(csv('customers'), { target: 'churn' }).catch((error: unknown) => error);
    for (const name of WRITERS) {
      const fromTyped = await readTableFile(typed(name), { target: 'churn' }).catch((error: unknown) => error);
      assert.ok(fromTyped instanceof DataError && fromCsv instanceof DataError);
      assert.equal(fromTyped.code, 'data/unknown-target');
      assert.equal(fromTyped.message, fromCsv.message.replace(csv('customers'), typed(name)));
    }
  });

  test('columnTypes still decide: ignore a column, read integers as categories', async () => {
    const table = await readTableFile(typed('customers.hyparquet.parquet'), { target: 'churned', columnTypes: { region: 'ignore', support_calls: 'categorical' } });
    assert.deepEqual(table.features.ignoredColumns, ['region']);
    assert.ok(!table.features.columns.some((column) => column.name === 'region'));
    const calls = table.features.columns.find((column) => column.name === 'support_calls')!;
    assert.equal(calls.kind, 'categorical');
    assert.ok(calls.kind === 'categorical' && calls.categories.includes('0') && calls.categories.includes('3'));
  });
});

describe('readParquet takes the kinds from the schema, not from the text', () => {
  test('strings of digits stay categories, integers 0/1 stay numbers, nulls are missing', async () => {
    const bytes = parquetBytes([
      { name: 'zip', data: ['75001', '69002', null, '75001'], type: 'STRING' },
      { name: 'flag', data: [0, 1, 1, null], type: 'INT32' },
      { name: 'member', data: [true, null, false, true], type: 'BOOLEAN' },
      { name: 'label', data: ['a', 'b', 'a', 'b'], type: 'STRING' },
    ]);
    const table = await readParquet(bytes);
    const [zip, flag, member] = table.features.columns;
    assert.deepEqual(plain(table).columns, [
      { name: 'zip', kind: 'categorical', codes: [0, 1, -1, 0], categories: ['75001', '69002'], counts: [2, 1], missing: 1 },
      { name: 'flag', kind: 'numeric', values: [0, 1, 1, 'NaN'], missing: 1 },
      { name: 'member', kind: 'boolean', values: [1, 'NaN', 0, 1], missing: 1 },
    ]);
    assert.ok(zip && flag && member);
    // The doctor's check for numbers read as categories still speaks, as for a CSV column.
    assert.equal(table.warnings.length, 1);
    assert.match(table.warnings[0].message, /zip/);
  });

  test('reads a Blob, a File with its name, and a Uint8Array that is a view into a larger buffer', async () => {
    const bytes = parquetBytes([{ name: 'x', data: [1.5, 2.5], type: 'DOUBLE' }, { name: 'label', data: ['n', 'y'], type: 'STRING' }]);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 8);
    for (const input of [new Blob([bytes]), padded.subarray(8)]) {
      const table = await readParquet(input);
      assert.deepEqual(plain(table).columns, [{ name: 'x', kind: 'numeric', values: [1.5, 2.5], missing: 0 }]);
    }
    const error = await readParquet(new File([bytes], 'two.parquet'), { target: 'y' }).catch((caught: unknown) => caught);
    assert.ok(error instanceof DataError);
    assert.match(error.message, /^two\.parquet has no column named "y"/);
  });

  test('a file that is not Parquet is a DataError naming it', async () => {
    const notParquet = join(tmpdir(), `nnkit-not-${process.pid}.parquet`);
    await writeFile(notParquet, await readFile(csv('customers')));
    const wrong = await readTableFile(notParquet).catch((caught: unknown) => caught);
    assert.ok(wrong instanceof DataError);
    assert.equal(wrong.code, 'data/not-parquet');
    assert.match(wrong.message, /could not be read as a Parquet file/);
  });

  test('a timestamp column must be ignored or declared, and a declared one reads as text', async () => {
    const bytes = parquetBytes([
      { name: 'when', data: [new Date(0), new Date(86_400_000)], type: 'TIMESTAMP' },
      { name: 'label', data: ['n', 'y'], type: 'STRING' },
    ]);
    const error = await readParquet(bytes).catch((caught: unknown) => caught);
    assert.ok(error instanceof DataError);
    assert.equal(error.code, 'data/unsupported-type');
    assert.match(error.message, /columnTypes: \{ "when": "ignore" \}/);
    assert.equal((await readParquet(bytes, { columnTypes: { when: 'ignore' } })).features.columns.length, 0);
    const dates = (await readParquet(bytes, { columnTypes: { when: 'categorical' } })).features.columns[0];
    assert.ok(dates.kind === 'categorical');
    assert.deepEqual(dates.categories, ['1970-01-01T00:00:00.000Z', '1970-01-02T00:00:00.000Z']);
  });

  test('parquetBatches gives the text cells a CSV row would hold', async () => {
    const bytes = parquetBytes([
      { name: 'x', data: [0.1, null, 3], type: 'DOUBLE' },
      { name: 'big', data: [1n, 2n, 3n], type: 'INT64' },
      { name: 'ok', data: [true, false, null], type: 'BOOLEAN' },
    ]);
    const batches = [];
    for await (const batch of parquetBatches(bytes, { batchSize: 2 })) batches.push({ ...batch, lines: [...batch.lines] });
    assert.deepEqual(batches, [
      { names: ['x', 'big', 'ok'], columns: [['0.1', ''], ['1', '2'], ['true', 'false']], rows: 2, lines: [1, 2], file: 'the data' },
      { names: ['x', 'big', 'ok'], columns: [['3'], ['3'], ['']], rows: 1, lines: [3], file: 'the data' },
    ]);
  });
});

describe('tableFromArrow reads an apache-arrow Table', () => {
  test('nulls in floats, 64-bit integers and dictionaries are missing values', () => {
    const table = new arrow.Table({
      x: arrow.vectorFromArray([1.5, null, 3], new arrow.Float64()),
      n: arrow.vectorFromArray([1n, 2n, null], new arrow.Int64()),
      city: arrow.vectorFromArray(['Paris', null, 'Paris'], new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32())),
      label: arrow.vectorFromArray(['n', 'y', 'y'], new arrow.Utf8()),
    });
    assert.deepEqual(plain(tableFromArrow(table)).columns, [
      { name: 'x', kind: 'numeric', values: [1.5, 'NaN', 3], missing: 1 },
      { name: 'n', kind: 'numeric', values: [1, 2, 'NaN'], missing: 1 },
      { name: 'city', kind: 'categorical', codes: [0, -1, 0], categories: ['Paris'], counts: [2], missing: 1 },
    ]);
  });
});
