import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { DATA, runCli, temporaryFolder } from './run-cli.js';

test('nnkit cv prints each fold and mean ± sd beside the baselines, and writes out-of-fold rows', async () => {
  const folder = await temporaryFolder();
  try {
    const oof = join(folder.path, 'oof.csv');
    const run = await runCli(['cv', join(DATA, 'iris.csv'), '--folds', '3', '--epochs', '10', '--no-logistic', '--oof', oof]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 stratified folds/);
    assert.match(run.stdout, /^model +\d\.\d{4} ± \d\.\d{4}/m);
    assert.match(run.stdout, /^majority +0\.3\d{3} ± 0\.0\d{3}/m);
    assert.doesNotMatch(run.stdout, /^logistic/m);
    const lines = (await readFile(oof, 'utf8')).trim().split('\n');
    assert.equal(lines[0], 'row,fold,actual,predicted,p_0,p_1,p_2');
    assert.equal(lines.length, 151);
    const rows = lines.slice(1).map((line) => Number(line.split(',')[0])).sort((a, b) => a - b);
    assert.deepEqual(rows, Array.from({ length: 150 }, (_, i) => i + 1));
  } finally {
    await folder.remove();
  }
});

test('nnkit cv --json gives per-fold results; --group and --time-ordered together are a usage error', async () => {
  const sorted = await runCli(['cv', join(DATA, 'iris.csv'), '--folds', '2', '--time-ordered']);
  assert.equal(sorted.code, 1);
  assert.match(sorted.stderr, /training rows of time fold 1 hold no row of class "1", "2"; time-ordered folds train on the earliest rows only/);
  const run = await runCli(['cv', join(DATA, 'breast_cancer.csv'), '--folds', '2', '--epochs', '3', '--time-ordered', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.method, 'time');
  assert.equal(result.folds.length, 2);
  assert.equal(typeof result.summary.logistic.accuracy.mean, 'number');
  const both = await runCli(['cv', join(DATA, 'iris.csv'), '--group', 'label', '--time-ordered']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /one of --group, --time and --time-ordered/);
});
