import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATA, runCli, temporaryFolder } from './run-cli.js';

describe('nnkit predict streams rows through the saved model', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let modelDir: string;
  let expected: string;
  const data = join(DATA, 'breast_cancer.csv');

  before(async () => {
    folder = await temporaryFolder();
    modelDir = join(folder.path, 'model');
    const trained = await runCli(['train', '--out', modelDir, '--epochs', '5', '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
    expected = (await runCli(['predict', '--model', modelDir, data])).stdout;
  });
  after(() => folder.remove());

  test('gives the same output whatever the batch size', async () => {
    const small = await runCli(['predict', '--model', modelDir, data, '--batch-size', '7']);
    assert.equal(small.code, 0, small.stderr);
    assert.equal(small.stdout, expected);
    assert.equal(expected.trimEnd().split('\n').length, 570);
  });

  test('ignores the target column of a labelled file', async () => {
    const unlabelled = join(folder.path, 'unlabelled.csv');
    const text = await readFile(data, 'utf8');
    await writeFile(unlabelled, text.split('\n').map((line) => line.split(',').slice(0, -1).join(',')).join('\n'));
    assert.equal((await runCli(['predict', '--model', modelDir, unlabelled])).stdout, expected);
  });

  test('--out writes the file whole, through a temporary file, and says so on stdout', async () => {
    const out = join(folder.path, 'nested', 'predictions.csv');
    const written = await runCli(['predict', '--model', modelDir, data, '--out', out]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, `Wrote 569 predictions to ${out}\n`);
    assert.equal(await readFile(out, 'utf8'), expected);
    assert.deepEqual(await readdir(join(folder.path, 'nested')), ['predictions.csv']);
  });

  test('a bad row halfway through leaves no output file and no temporary file', async () => {
    const broken = join(folder.path, 'broken.csv');
    const lines = (await readFile(data, 'utf8')).split('\n');
    lines[300] += ',1';
    await writeFile(broken, lines.join('\n'));
    const out = join(folder.path, 'failed', 'predictions.csv');
    const failed = await runCli(['predict', '--model', modelDir, broken, '--out', out, '--batch-size', '50']);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /^nnkit predict: .*broken\.csv, line 301: this row has 32 values but the header has 31 columns/);
    assert.deepEqual(await readdir(join(folder.path, 'failed')), []);
  });

  test('--json writes JSON Lines to stdout, and a JSON summary with --out', async () => {
    const lines = (await runCli(['predict', '--model', modelDir, data, '--json'])).stdout.trimEnd().split('\n');
    assert.equal(lines.length, 569);
    const first = JSON.parse(lines[0]);
    assert.deepEqual(Object.keys(first.probabilities), ['1']);
    assert.equal(first.probabilities['1'], Number(expected.split('\n')[1].split(',')[0]));
    const out = join(folder.path, 'summary.csv');
    const summary = JSON.parse((await runCli(['predict', '--model', modelDir, data, '--out', out, '--json'])).stdout);
    assert.deepEqual({ rows: summary.rows, out: summary.out, warnings: summary.warnings }, { rows: 569, out, warnings: [] });
  });
});
