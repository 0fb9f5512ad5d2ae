import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DataError } from '../errors.js';
import type { HintWriter } from './option-hint.js';
import { TableBuilder, type TableOptions } from './table-builder.js';

/** Reads rows of the columns `id`, `x` and `label` (lines from 2). */
function build(rows: string[][], options: TableOptions = {}, hint?: HintWriter): ReturnType<TableBuilder['finish']> {
  const builder = new TableBuilder(['id', 'x', 'label'], options, 'mem.csv', undefined, hint);
  rows.forEach((row, i) => builder.add(row, i + 2));
  return builder.finish();
}
const flags: HintWriter = (hint) => `<${hint.option}>`;

test('decimal "," reads 6,5 as 6.5 and keeps the separator on the feature table', () => {
  const table = build([['1', '6,5', '0'], ['2', '-0,25', '1'], ['3', '7', '0']], { decimal: ',' });
  const x = table.features.columns[1];
  assert.ok(x.kind === 'numeric');
  assert.deepEqual([...x.values], [6.5, -0.25, 7]);
  assert.equal(table.features.decimal, ',');
  assert.deepEqual(table.warnings, []);
});

test('decimal must be "." or ","', () => {
  assert.throws(() => build([], { decimal: ';' as ',' }), (e: unknown) => e instanceof ConfigError && e.code === 'config/decimal');
});

test('columnTypes "ignore" reads past a column: no feature, listed as ignored', () => {
  const table = build([['a1', '1', '0'], ['a2', '2', '1']], { columnTypes: { id: 'ignore' } });
  assert.deepEqual(table.features.columns.map((column) => column.name), ['x']);
  assert.deepEqual(table.features.ignoredColumns, ['id']);
  assert.deepEqual(table.header, ['id', 'x', 'label']);
});

test('a column type for the target is refused, naming the setting as the caller passes it', () => {
  assert.throws(
    () => build([], { columnTypes: { label: 'numeric' } }, flags),
    (e: unknown) => e instanceof ConfigError && /^<columnTypes> names the target column/.test(e.message),
  );
});

test('an unknown column type lists the types there are, ignore included', () => {
  assert.throws(() => build([], { columnTypes: { x: 'text' as 'numeric' } }), /use one of "numeric", "categorical", "boolean", "ignore"/);
});

test('a column of decimal-comma numbers read with a point is categorical with a warning naming the column', () => {
  const table = build([['1', '6,5', '0'], ['2', '7,25', '1'], ['3', '8', '0']]);
  assert.equal(table.features.columns[1].kind, 'categorical');
  assert.equal(table.warnings.length, 1);
  const [warning] = table.warnings;
  assert.equal(warning.code, 'data/numeric-looking-categorical');
  assert.equal(warning.column, 'x');
  assert.match(warning.message, /^Column "x" was read as categorical \(3 distinct values\), but its values are numbers written with a decimal comma \(e\.g\. "6,5"\)/);
  assert.match(warning.message, /Read it with decimal: "," to get numbers, or declare columnTypes: \{ "x": "categorical" \} to keep/);
});

test('the warning speaks the caller\'s language through the hint writer', () => {
  const table = build([['1', '6,5', '0'], ['2', '7,25', '1']], {}, flags);
  assert.match(table.warnings[0].message, /Read it with <decimal> to get numbers, or declare <columnTypes> to keep/);
});

test('numbers mixed with text: warned when numbers are at least half, silent below, silenced by a declared type', () => {
  const rows = (cells: string[]) => cells.map((cell, i) => [String(i), cell, String(i % 2)]);
  const mostly = build(rows(['1', '2', '3', 'n/a', 'unknown', '4']));
  assert.match(mostly.warnings[0].message, /4 of its 6 values are numbers, the others text such as "n\/a"\. If it holds numbers/);
  assert.match(mostly.warnings[0].message, /declare columnTypes: \{ "x": "numeric" \}; if it holds categories, declare columnTypes: \{ "x": "categorical" \}/);
  assert.deepEqual(build(rows(['1', 'S', 'M', 'L'])).warnings, []);
  assert.deepEqual(build(rows(['1', '2', 'S', 'M']), { columnTypes: { x: 'categorical' } }).warnings, []);
  assert.deepEqual(build(rows(['y', 'n', 'y', 'n'])).warnings, []);
});

test('a point-decimal column in a file read with a comma says so', () => {
  const table = build([['1', '6.5', '0'], ['2', '7.5', '1']], { decimal: ',' });
  assert.match(table.warnings[0].message, /numbers written with a decimal point \(e\.g\. "6\.5"\), and the file was read with a decimal comma\. Read it with decimal: "\."/);
});

test('a decimal-comma value among many numbers is an error that names the decimal setting', () => {
  const rows = Array.from({ length: 12 }, (_, i) => [String(i), i === 10 ? '6,5' : String(i), String(i % 2)]);
  assert.throws(
    () => build(rows),
    (e: unknown) =>
      e instanceof DataError &&
      /line 12, column "x": "6,5" is a number written with a decimal comma, which the file was not read with \(read it with decimal: ","\)/.test(e.message),
  );
});
