import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { trainClassifier } from './train-classifier.js';

// x decides the label; noise and city (categorical) do not.
const lines = ['x,noise,city,label'];
for (let i = 0; i < 200; i++) {
  const x = ((i * 37) % 200) / 200;
  lines.push(`${x.toFixed(3)},${((i * 53) % 97) / 97},${['a', 'b', 'c', 'd'][(i * 7) % 4]},${x > 0.5 ? 'yes' : 'no'}`);
}
const table = parseCsv(lines.join('\n'), { target: 'label' });

test('permutation importance ranks the deciding column first, seeded, in ROC-AUC drops', async () => {
  const clf = await trainClassifier(table, { hidden: [8], epochs: 100, learningRate: 0.01, seed: 3 });
  const result = clf.permutationImportance(table, { repeats: 3, seed: 1 });
  assert.equal(result.metric, 'rocAuc');
  assert.ok(result.baseline > 0.95, `baseline ${result.baseline}`);
  assert.deepEqual(result.columns.map((c) => c.column).sort(), ['city', 'noise', 'x']);
  assert.equal(result.columns[0].column, 'x');
  assert.ok(result.columns[0].mean > 0.3, `x drop ${result.columns[0].mean}`);
  for (const other of result.columns.slice(1)) assert.ok(Math.abs(other.mean) < 0.1, `${other.column} drop ${other.mean}`);
  const x = result.columns[0];
  const mean = x.drops.reduce((a, b) => a + b) / 3;
  assert.ok(Math.abs(x.mean - mean) < 1e-15 && x.sd >= 0 && x.drops.length === 3);
  assert.deepEqual(clf.permutationImportance(table, { repeats: 3, seed: 1 }), result);
  const accuracy = clf.permutationImportance(table, { repeats: 2, metric: 'accuracy' });
  assert.equal(accuracy.metric, 'accuracy');
  assert.equal(accuracy.columns[0].column, 'x');
  assert.throws(() => clf.permutationImportance(table, { repeats: 0 }), /repeats must be a whole number/);
});
