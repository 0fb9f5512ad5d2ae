import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, runCli } from './run-cli.js';

const MODEL = join(FIXTURES, '..', 'classifier-v1');

test('nnkit explain lists every column by its drop in ROC-AUC, mean ± sd, largest first', async () => {
  const run = await runCli(['explain', '--model', MODEL, join(FIXTURES, 'customers.csv'), '--repeats', '2']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /300 rows, 2 shuffles per column, seed 42/);
  assert.match(run.stdout, /^rocAuc on the rows as they are: 0\.\d{4}$/m);
  const rows = run.stdout.split('\n').filter((line) => / ± /.test(line) && !line.startsWith('column'));
  assert.deepEqual(rows.map((line) => line.split(/\s+/)[0]).sort(), ['age', 'autopay', 'monthly_spend', 'plan', 'region', 'support_calls']);
  const drops = rows.map((line) => Number(line.split(/\s+/)[1]));
  assert.deepEqual(drops, [...drops].sort((a, b) => b - a));
});

test('nnkit explain --json gives the drops per repeat; --metric accuracy; a bad metric is a usage error', async () => {
  const run = await runCli(['explain', '-m', MODEL, join(FIXTURES, 'customers.csv'), '--repeats', '2', '--metric', 'accuracy', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.metric, 'accuracy');
  assert.equal(result.columns.length, 6);
  assert.equal(result.columns[0].drops.length, 2);
  const bad = await runCli(['explain', '-m', MODEL, join(FIXTURES, 'customers.csv'), '--metric', 'auc']);
  assert.equal(bad.code, 2);
});
