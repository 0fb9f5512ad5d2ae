import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../random/random.js';
import { parseCsv } from './parse-csv.js';
import { Preprocessor } from './preprocessor.js';
import type { NumericFeatureConfig } from './preprocessor-config.js';
import { rawColumnsFromRows } from './table.js';
import { TableScan } from './table-scan.js';

test('one pass over batches fits the preprocessor Preprocessor.fit fits on the whole table', () => {
  const random = new Random(8);
  const cities = ['Paris', 'Lyon', 'Nice', 'Lille', 'Brest'];
  const rows: string[][] = [];
  for (let r = 0; r < 500; r++) {
    const age = random.uniform() < 0.1 ? 'NA' : (20 + random.uniform() * 50).toFixed(2);
    // Nice and Brest are rare: fewer rows than minFrequency share <other>.
    const pick = random.int(100);
    const city = pick < 2 ? 'NA' : pick < 3 ? 'Brest' : pick < 4 ? 'Nice' : cities[pick % 2 === 0 ? 0 : pick % 3 === 0 ? 1 : 3];
    rows.push([age, city, String(random.int(3) * 0.5), pick % 2 === 0 ? 'yes' : 'no']);
  }
  const names = ['age', 'city', 'score', 'label'];
  const table = parseCsv([names, ...rows].map((row) => row.join(',')).join('\n'), { target: 'label' });
  const expected = Preprocessor.fit(table.features, { minFrequency: 5 }).getConfig();
  const scan = new TableScan({ exclude: ['label'] });
  for (let start = 0; start < rows.length; start += 64) scan.add(rawColumnsFromRows(names, rows.slice(start, start + 64)));
  const fitted = scan.preprocessor({ minFrequency: 5 }).getConfig();
  assert.equal(scan.rows, 500);
  assert.deepEqual(fitted.columns.map((c) => c.kind), expected.columns.map((c) => c.kind));
  assert.deepEqual(fitted.columns[1], expected.columns[1]);
  for (const c of [0, 2]) {
    const got = fitted.columns[c] as NumericFeatureConfig;
    const want = expected.columns[c] as NumericFeatureConfig;
    assert.equal(got.indicator, want.indicator);
    assert.ok(Math.abs(got.mean - want.mean) < 1e-9 * Math.abs(want.mean), `mean of ${got.name}`);
    assert.ok(Math.abs(got.std - want.std) < 1e-9 * want.std, `std of ${got.name}`);
  }
  assert.deepEqual({ ...fitted, columns: [] }, { ...expected, columns: [] });
});

test('a column of numbers that turns to text late asks for a column type', () => {
  const scan = new TableScan();
  const numbers = Array.from({ length: 1200 }, (_, i) => [String(i)]);
  scan.add(rawColumnsFromRows(['id'], numbers));
  assert.throws(() => scan.add(rawColumnsFromRows(['id'], [['abc']])), /column type categorical/);
});
