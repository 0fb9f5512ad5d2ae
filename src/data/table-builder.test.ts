import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DataError } from '../errors.js';
import { TableBuilder, type LabelledTable, type TableOptions } from './table-builder.js';
import type { Column } from './table.js';

/** Builds a table from rows of one feature column `x` and a label column, lines from 2. */
function build(cells: string[], labels?: string[], options: TableOptions = {}): LabelledTable {
  const builder = new TableBuilder(['x', 'label'], options, 'mem.csv');
  cells.forEach((cell, i) => builder.add([cell, labels?.[i] ?? String(i % 2)], i + 2));
  return builder.finish();
}
const x = (table: LabelledTable): Column => table.features.columns[0];

test('a column of numbers is numeric float32, missing values NaN', () => {
  const column = x(build(['1.5', '', '-2', 'NA']));
  assert.ok(column.kind === 'numeric');
  assert.deepEqual([...column.values], [1.5, NaN, -2, NaN]);
  assert.equal(column.missing, 2);
});

test('a column that turns out to hold text becomes categorical and keeps the exact number spellings', () => {
  const column = x(build(['01', '2', '', '2', 'small', 'large', 'medium', 'small']));
  assert.ok(column.kind === 'categorical');
  assert.deepEqual(column.categories, ['01', '2', 'small', 'large', 'medium']);
  assert.deepEqual([...column.codes], [0, 1, -1, 1, 2, 3, 4, 2]);
  assert.deepEqual(column.counts, [1, 2, 2, 1, 1]);
});

test('mostly numbers with a stray text value is an error at the text value, not a category', () => {
  const cells = ['1', '2', '3', '4', '5', 'five', '7', '8', '9', '10'];
  assert.throws(
    () => build(cells),
    (e: unknown) => e instanceof DataError && e.code === 'data/text-in-numeric-column' && /mem\.csv, line 7, column "x": "five" is text/.test(e.message),
  );
  const column = x(build(['1', '2', '3', '4', '5', 'five', 'six', '8']));
  assert.equal(column.kind, 'categorical');
});

test('text after two spellings of one number cannot be undone into categories and is reported at once', () => {
  assert.throws(() => build(['1', '1.0', 'x', 'y', 'z']), (e: unknown) => e instanceof DataError && /line 4/.test(e.message));
});

test('true/false and yes/no words in any case make a 0/1 boolean column', () => {
  const column = x(build(['yes', 'No', '', 'TRUE', 'false']));
  assert.ok(column.kind === 'boolean');
  assert.deepEqual([...column.values], [1, 0, NaN, 1, 0]);
});

test('a column with no values at all is numeric and entirely missing', () => {
  const column = x(build(['', 'NA', '?']));
  assert.ok(column.kind === 'numeric' && column.missing === 3);
});

test('columnTypes keeps numbers as categories when asked', () => {
  const column = x(build(['10', '20', '10'], undefined, { columnTypes: { x: 'categorical' } }));
  assert.ok(column.kind === 'categorical');
  assert.deepEqual(column.categories, ['10', '20']);
});

test('numeric labels merge spellings of one number and sort by value', () => {
  const table = build(['1', '2', '3', '4'], ['10', '2', '2.0', '10']);
  assert.deepEqual(table.target?.classes, ['2', '10']);
  assert.deepEqual([...(table.target?.labels ?? [])], [1, 0, 0, 1]);
  assert.equal(table.target?.positive?.reason, 'larger-number');
  assert.equal(build(['1', '2'], ['0', '1'], { positive: '0.0' }).target?.positive?.value, '0');
});

test('text labels sort by code unit; with two, the rarer class is positive', () => {
  const table = build(['1', '2', '3'], ['ok', 'fraud', 'ok']);
  assert.deepEqual(table.target?.classes, ['ok', 'fraud']);
  assert.equal(table.target?.positive?.reason, 'rarer-class');
  assert.deepEqual(build(['1', '2', '3'], ['b', 'C', 'a']).target?.classes, ['C', 'a', 'b']);
});

test('positive with a multi-class target is a ConfigError; too many classes is a DataError', () => {
  assert.throws(() => build(['1', '2', '3'], ['a', 'b', 'c'], { positive: 'a' }), ConfigError);
  const cells = Array.from({ length: 1001 }, (_, i) => String(i));
  assert.throws(() => build(cells, cells), (e: unknown) => e instanceof DataError && e.code === 'data/too-many-classes' && /line 1002/.test(e.message));
});

test('the default target is the column named label, else the last column', () => {
  const builder = new TableBuilder(['label', 'a', 'b']);
  builder.add(['0', 'x', '1'], 2);
  builder.add(['1', 'y', '2'], 3);
  assert.equal(builder.finish().target?.name, 'label');
  const last = new TableBuilder(['a', 'y']);
  last.add(['1', 'no'], 2);
  last.add(['2', 'yes'], 3);
  assert.equal(last.finish().target?.name, 'y');
  assert.throws(() => new TableBuilder(['only']), (e: unknown) => e instanceof DataError && e.code === 'data/no-features');
});
