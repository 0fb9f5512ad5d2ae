import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Preprocessor } from '../../src/data/preprocessor.js';
import { readCsv } from '../../src/node/read-csv.js';

// The bundled datasets and the shared real tables (../shared/datasets, see its README): none may
// be read with a decimal comma, get a numeric-looking warning, or have a category grouped into
// <other> unless it is rarer than the policy's 3 rows.
const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared', 'datasets');
const csvs = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.csv')).map((name) => join(folder, name));
const files = [...csvs(join(ROOT, 'data')), ...(existsSync(SHARED) ? csvs(SHARED) : [])];
const described: Record<string, { file: string; categorical_columns?: string[] }> = existsSync(SHARED)
  ? JSON.parse(readFileSync(join(SHARED, 'datasets.json'), 'utf8'))
  : {};

test('the shared datasets are there to check (../shared/datasets)', () => {
  assert.ok(files.length >= 10, `found ${files.length} CSV files`);
});

for (const file of files) {
  test(`${file.slice(ROOT.length - 4)}: read with a decimal point, no warnings, categories as its description says`, async () => {
    const table = await readCsv(file);
    assert.equal(table.decimal, '.');
    assert.deepEqual(table.warnings, []);
    const name = file.split('/').pop()!;
    const categorical = Object.values(described).find((entry) => entry.file === name)?.categorical_columns ?? [];
    for (const column of table.features.columns) {
      // NOTE: yes/no levels read as boolean (node_caps, irradiat), and levels that are numbers as
      // numeric (deg_malig: 1, 2, 3; the shared README says to take its type from datasets.json).
      const expected = !categorical.includes(column.name) ? ['numeric'] : column.name === 'deg_malig' ? ['numeric'] : ['categorical', 'boolean'];
      assert.ok(expected.includes(column.kind), `${column.name} is ${column.kind}`);
    }
    const pre = Preprocessor.fit(table.features);
    for (const [c, config] of pre.config.columns.entries()) {
      const column = table.features.columns[c];
      if (config.kind !== 'categorical' || column.kind !== 'categorical') continue;
      const rare = column.categories.filter((_, code) => column.counts[code] < 3);
      assert.deepEqual(
        [...config.categories].sort(),
        column.categories.filter((category) => !rare.includes(category)).sort(),
        `${column.name}: every category seen in 3 or more rows keeps its column`,
      );
      assert.equal(config.other, rare.length > 0, column.name);
    }
  });
}

test('house votes keep every vote and missing as columns; breast_cancer_categorical groups only its two one-row levels', async (t) => {
  if (!existsSync(SHARED)) return t.skip('../shared/datasets is not there');
  const votes = Preprocessor.fit((await readCsv(join(SHARED, 'house_votes_84.csv'))).features);
  assert.ok(votes.config.columns.every((column) => column.kind === 'categorical' && !column.other && column.categories.length === 2));
  assert.deepEqual(votes.fitWarnings, []);
  const cancer = Preprocessor.fit((await readCsv(join(SHARED, 'breast_cancer_categorical.csv'))).features);
  assert.deepEqual(cancer.featureNames.filter((name) => name.endsWith('=<other>')), ['age=<other>', 'inv_nodes=<other>']);
  assert.match(cancer.fitWarnings.map((warning) => warning.message).join('\n'), /"age" 1 \("20-29"\), "inv_nodes" 1 \("24-26"\)/);
});
