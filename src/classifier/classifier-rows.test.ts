import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { DataError } from '../errors.js';
import { rowSource } from './classifier-rows.js';

test('object rows become text columns: numbers and booleans as written, null and absent keys missing', () => {
  const source = rowSource([{ age: 61, city: 'Paris', member: true }, { age: null, income: 2.5 }], 'label');
  assert.deepEqual(source, {
    kind: 'raw',
    raw: { names: ['age', 'city', 'member', 'income'], columns: [['61', ''], ['Paris', ''], ['true', ''], ['', '2.5']], rows: 2 },
  });
});

test('columns by name and CSV batches are raw rows; tables stay tables; the target column is left out', () => {
  assert.deepEqual(rowSource({ age: [1, 2], label: ['a', 'b'] }, 'label'), { kind: 'raw', raw: { names: ['age'], columns: [['1', '2']], rows: 2 } });
  const batch = { names: ['label', 'x'], columns: [['a'], ['3']], rows: 1, lines: Int32Array.of(2), file: 'f.csv' };
  assert.deepEqual(rowSource(batch, 'label'), { kind: 'raw', raw: { ...batch, names: ['x'], columns: [['3']] } });
  const table = parseCsv('x,label\n1,a\n2,b\n');
  const labelled = rowSource(table, 'label');
  assert.equal(labelled.kind === 'table' && labelled.table, table.features);
  const unlabelled = rowSource(parseCsv('x,label\n1,a\n', { target: null }).features, 'label');
  assert.deepEqual(unlabelled.kind === 'table' && unlabelled.table.columns.map((column) => column.name), ['x']);
});

test('rows that are not values fail naming the row and column', () => {
  const fails = (rows: unknown, pattern: RegExp) =>
    assert.throws(() => rowSource(rows as never, 'label'), (error: unknown) => error instanceof DataError && pattern.test(error.message));
  fails([{ age: { years: 3 } }], /^Row 0, column "age": an object is not a value/);
  fails([{ age: 1 }, 7], /^Row 1 is 7; give each row as an object/);
  fails({ age: [1, 2], city: ['a'] }, /^Column "city" has 1 values but "age" has 2/);
  fails({ age: 3 }, /^Column "age" is 3; give each column as an array/);
  fails('age,city', /^Expected rows: an array of objects by column name/);
});
