import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError, DataError } from '../errors.js';
import type { HintWriter } from './option-hint.js';
import { Preprocessor } from './preprocessor.js';
import { rawColumnsFromRows, type Table } from './table.js';
import { TableBuilder, type TableOptions } from './table-builder.js';

function tableOf(header: string[], rows: string[][], options: TableOptions = {}): Table {
  const builder = new TableBuilder(header, { target: null, ...options });
  rows.forEach((row, i) => builder.add(row, i + 2));
  return builder.finish().features;
}
const cities = (counts: Record<string, number>) => Object.entries(counts).flatMap(([city, n]) => Array.from({ length: n }, () => [city]));

test('a category seen in fewer than 3 training rows gets no column of its own: it shares <other>', () => {
  const huge = 'x'.repeat(100_000);
  const pre = Preprocessor.fit(tableOf(['city'], [...cities({ Paris: 4, Lyon: 3, Oslo: 2 }), [huge]]));
  assert.deepEqual(pre.featureNames, ['city=Paris', 'city=Lyon', 'city=<other>']);
  assert.deepEqual(pre.config.categoryPolicy, { maxCategories: 50, minFrequency: 3 });
  assert.ok(!JSON.stringify(pre.getConfig()).includes(huge), 'the one-off value is not saved');
  const out = pre.transformRaw(rawColumnsFromRows(['city'], [['Oslo'], [huge], ['Lyon']]));
  assert.deepEqual([...out.x.data], [0, 0, 1, 0, 0, 1, 0, 1, 0]);
});

test('the grouping is one note naming the columns and a few categories, shortened', () => {
  const huge = 'y'.repeat(100_000);
  const table = tableOf(['city', 'plan'], [
    ...cities({ Paris: 3, Oslo: 1 }).map(([city]) => [city, 'basic']),
    [huge, 'basic'],
  ]);
  const pre = Preprocessor.fit(table);
  const notes = pre.fitWarnings.filter((warning) => warning.code === 'data/rare-categories');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].severity, 'info');
  assert.equal(notes[0].column, 'city');
  assert.match(notes[0].message, /^Categories seen in fewer than 3 training rows share their column's "<other>" one-hot column instead of one each: "city" 2 \("Oslo", "y{40}…" \(100,000 characters\)\)\. minFrequency: 1 gives every category its own column\.$/);
  assert.ok(pre.fitWarnings.every((warning) => warning.message.length < 400));
});

test('minFrequency 1 keeps every category; the hint writer names the setting as the caller passes it', () => {
  const table = tableOf(['city'], cities({ Paris: 3, Oslo: 1 }));
  assert.deepEqual(Preprocessor.fit(table, { minFrequency: 1 }).featureNames, ['city=Paris', 'city=Oslo']);
  const flags: HintWriter = (hint) => `--${hint.option}`;
  assert.match(Preprocessor.fit(table, {}, flags).fitWarnings[0].message, /--minFrequency gives every category/);
  assert.throws(() => Preprocessor.fit(table, { minFrequency: 0 }), (e: unknown) => e instanceof ConfigError && e.code === 'config/min-frequency');
});

test('past maxCategories the warning offers the value that keeps every frequent category', () => {
  const table = tableOf(['c'], cities({ a: 5, b: 4, c: 3, d: 1 }));
  const pre = Preprocessor.fit(table, { maxCategories: 2 });
  assert.deepEqual(pre.featureNames, ['c=a', 'c=b', 'c=<other>']);
  const many = pre.fitWarnings.find((warning) => warning.code === 'data/many-categories');
  assert.match(many?.message ?? '', /the 2 most frequent get their own column \(maxCategories: 3 keeps all 3 seen in at least 3 rows\)/);
});

test('an identifier-like column is named with the setting that ignores it', () => {
  const rows = Array.from({ length: 60 }, (_, i) => [`id-${i}`]);
  const warning = Preprocessor.fit(tableOf(['id'], rows)).fitWarnings.find((w) => w.code === 'data/many-categories');
  assert.match(warning?.message ?? '', /it looks like an identifier: consider ignoring it, columnTypes: \{ "id": "ignore" \}/);
});

test('ignored columns are remembered: new rows may hold them, and columnTypes() returns them', () => {
  const table = tableOf(['id', 'v'], [['a', '1'], ['b', '2']], { columnTypes: { id: 'ignore' } });
  const pre = Preprocessor.fromConfig(Preprocessor.fit(table).getConfig());
  assert.deepEqual(pre.config.ignoredColumns, ['id']);
  assert.deepEqual(pre.columnTypes(), { v: 'numeric', id: 'ignore' });
  assert.deepEqual([...pre.transformRaw(rawColumnsFromRows(['id', 'v'], [['zz', '1.5']])).x.data], [0]);
  assert.throws(() => pre.transformRaw(rawColumnsFromRows(['id', 'v', 'w'], [['zz', '1', '2']])), DataError);
});

test('the decimal separator travels in the config: raw rows are read as in training', () => {
  const table = tableOf(['v'], [['1,5'], ['2,5']], { decimal: ',' });
  const pre = Preprocessor.fromConfig(JSON.parse(JSON.stringify(Preprocessor.fit(table).getConfig())));
  assert.equal(pre.config.decimal, ',');
  assert.deepEqual([...pre.transformRaw(rawColumnsFromRows(['v'], [['3,5']])).x.data], [3]);
  assert.throws(
    () => pre.transformRaw(rawColumnsFromRows(['v'], [['3.5']])),
    (e: unknown) => e instanceof DataError && /"3\.5" is not a number written with a decimal comma/.test(e.message),
  );
});

test('a version-1 config (saved before the policy) loads, round-trips as it was and transforms as before', () => {
  const model = JSON.parse(readFileSync('test/fixtures/classifier-v1/model.json', 'utf8'));
  const saved = model.metadata.preprocessor;
  const pre = Preprocessor.fromConfig(saved);
  assert.equal(pre.config.version, 1);
  assert.deepEqual(pre.getConfig(), saved);
  assert.deepEqual(pre.columnTypes(), Object.fromEntries(saved.columns.map((c: { name: string; kind: string }) => [c.name, c.kind])));
});

test('saved numbers and settings are checked on load, naming the path of the bad field', () => {
  const good = Preprocessor.fit(tableOf(['v', 'c'], [['1', 'a'], ['2', 'a'], ['3', 'a']])).getConfig();
  const load = (change: (config: any) => void) => {
    const config = JSON.parse(JSON.stringify(good));
    change(config);
    return () => Preprocessor.fromConfig(config, 'pipeline.preprocessor');
  };
  const fails = (change: (config: any) => void, path: RegExp) =>
    assert.throws(load(change), (e: unknown) => e instanceof ConfigError && path.test(e.message), String(path));
  fails((c) => (c.columns[0].std = -1), /pipeline\.preprocessor\.columns\[0\]\.std is -1 but should be a positive number/);
  fails((c) => (c.columns[0].mean = 1e400), /columns\[0\]\.mean is Infinity but should be a finite number/);
  fails((c) => (c.decimal = ';'), /pipeline\.preprocessor\.decimal is ";"/);
  fails((c) => (c.categoryPolicy.minFrequency = 0), /categoryPolicy\.minFrequency is 0 but should be a whole number of 1 or more/);
  fails((c) => (c.categoryPolicy.maxCategories = 2.5), /categoryPolicy\.maxCategories/);
  fails((c) => delete c.categoryPolicy, /categoryPolicy is undefined but should be an object/);
  fails((c) => (c.categoryPolicy.maxCategories = 1) && c.columns[1].categories.push('b'), /columns\[1\]\.categories .* at most categoryPolicy\.maxCategories \(1\)/);
  fails((c) => (c.ignoredColumns = ['v']), /ignoredColumns\[0\] is "v"/);
  fails((c) => (c.columns = []), /pipeline\.preprocessor\.columns is an array of length 0 but should be a non-empty array/);
  fails((c) => (c.version = 3), /version is 3 but should be 1 or 2/);
});
