import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { Dense } from '../layers/dense.js';
import { trainClassifier } from './train-classifier.js';

// scikit-learn 1.2's permutation_importance of Pipeline(ColumnTransformer(StandardScaler on x1..x3,
// OneHotEncoder on city), LogisticRegression), scoring roc_auc, 4 repeats; the row orders its
// shuffles amount to. Written by test/fixtures/sklearn/make_permutation_importance.py.
const fixture = JSON.parse(readFileSync('test/fixtures/sklearn/permutation_importance.json', 'utf8')) as {
  csv: string;
  numeric: Record<string, { mean: number; scale: number; coef: number }>;
  categories: Record<string, number>;
  intercept: number;
  orders: number[][];
  baseline: number;
  columns: string[];
  importances: number[][];
  mean: number[];
  std: number[];
};

test('permutation importance equals scikit-learn\'s on a logistic network with copied weights and the same shuffles (1e-9)', async () => {
  const table = parseCsv(fixture.csv, { target: 'label' });
  assert.deepEqual(table.target!.classes, ['no', 'yes']);
  // a network with no hidden layer, its weights then set to sklearn's pipeline: for a number,
  // coef · (x − m′) / s′ = coef · s / s′ · z + coef · (m − m′) / s′, z = (x − m) / s our standardization
  const clf = await trainClassifier(table, { hidden: [], epochs: 1, minFrequency: 1, seed: 1 });
  const dense = clf.model.layers.find((layer): layer is Dense => layer instanceof Dense)!;
  const kernel = dense.kernel!.value;
  let bias = fixture.intercept;
  kernel.fill(0);
  const index = (name: string) => clf.preprocessor.featureNames.indexOf(name);
  for (const column of clf.preprocessor.config.columns) {
    if (column.kind === 'numeric') {
      const { mean, scale, coef } = fixture.numeric[column.name];
      kernel[index(column.name)] = (coef * column.std) / scale;
      bias += (coef * (column.mean - mean)) / scale;
    } else if (column.kind === 'categorical') {
      for (const category of column.categories) kernel[index(`${column.name}=${category}`)] = fixture.categories[category];
    }
  }
  dense.bias!.value[0] = bias;
  const result = clf.permutationImportance(table, { permutations: fixture.orders });
  assert.ok(Math.abs(result.baseline - fixture.baseline) <= 1e-9, `baseline ${result.baseline} vs ${fixture.baseline}`);
  fixture.columns.forEach((name, c) => {
    const ours = result.columns.find((column) => column.column === name)!;
    ours.drops.forEach((drop, r) => assert.ok(Math.abs(drop - fixture.importances[c][r]) <= 1e-9, `${name} repeat ${r}: ${drop} vs ${fixture.importances[c][r]}`));
    assert.ok(Math.abs(ours.mean - fixture.mean[c]) <= 1e-9 && Math.abs(ours.sd - fixture.std[c]) <= 1e-9, `${name} mean ± sd`);
  });
  // city moves as one column: its three one-hot units are shuffled together
  assert.ok(result.columns.some((column) => column.column === 'city'));
  assert.throws(() => clf.permutationImportance(table, { permutations: [[0, 0, 1]] }), /permutations\[0\] must hold each row index from 0 to 59 once/);
  assert.throws(() => clf.permutationImportance(table, { permutations: fixture.orders, repeats: 2 }), /repeats is 2 but 4 permutations were given/);
});
