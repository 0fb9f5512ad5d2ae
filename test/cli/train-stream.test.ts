// nnkit train --stream: a file read in chunks trains a model that predicts like any other;
// misuse gets a one-line error naming the option.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Random } from '../../src/random/random.js';
import { runCli, temporaryFolder } from './run-cli.js';

let folder: { path: string; remove: () => Promise<void> };
let data: string;

before(async () => {
  folder = await temporaryFolder();
  data = join(folder.path, 'rows.csv');
  const random = new Random(7);
  const lines = ['x1,x2,plan,churned'];
  for (let row = 0; row < 1500; row++) {
    const x1 = random.normal();
    const x2 = random.normal();
    const plan = ['basic', 'pro'][random.int(2)];
    const score = x1 - 0.5 * x2 + (plan === 'pro' ? 0.8 : 0) + 0.3 * random.normal();
    lines.push(`${x1.toFixed(4)},${x2.toFixed(4)},${plan},${score > 0 ? 'yes' : 'no'}`);
  }
  await writeFile(data, lines.join('\n') + '\n');
});
after(() => folder.remove());

describe('nnkit train --stream', () => {
  it('trains over chunks, reports and saves a model that nnkit predict uses', async () => {
    const out = join(folder.path, 'model');
    const trained = await runCli(['train', data, '--stream', '--chunk-rows', '100', '--shuffle-buffer', '400', '--epochs', '5', '--hidden', '8', '--out', out]);
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stdout, /streamed in chunks of 100 rows: 1500 rows, target "churned"/);
    assert.match(trained.stdout, /Split by chunks: 900 training, 300 validation, 300 test rows/);
    assert.match(trained.stdout, /Threshold [\d.]+: .* \(300 rows: F1/);
    assert.match(trained.stdout, /Test results \(300 rows, positive class "yes"/);
    assert.match(trained.stdout, /Model saved to /);
    const auc = /ROC-AUC\s+([\d.]+)/.exec(trained.stdout);
    assert.ok(auc !== null && Number(auc[1]) > 0.85, `learns the rule: ${auc?.[1]}`);

    const predictions = join(folder.path, 'predictions.csv');
    const predicted = await runCli(['predict', data, '--model', out, '--out', predictions]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const rows = (await readFile(predictions, 'utf8')).trim().split('\n');
    assert.equal(rows.length, 1501);
    assert.match(rows[0], /^probability_yes,class$/);
    assert.match(rows[1], /^0\.\d+,(yes|no)$/);
  });

  it('prints the same JSON shape as a train in memory', async () => {
    const run = await runCli(['train', data, '--stream', '--chunk-rows', '300', '--epochs', '1', '--hidden', '4', '--json', '--out', join(folder.path, 'json-model')]);
    assert.equal(run.code, 0, run.stderr);
    const results = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(
      Object.keys(results),
      ['command', 'data', 'split', 'training', 'threshold', 'calibration', 'ensemble', 'refit', 'resultsOn', 'test', 'baselines', 'warnings', 'model', 'report'],
    );
    // Five chunks of 300 rows: chunk 4 is for validation, chunk 5 for testing.
    assert.deepEqual(results.split, { train: 900, validation: 300, test: 300, seed: 42 });
    assert.equal(results.resultsOn, 'test');
  });

  it('refuses its options without --stream, bad sizes and options that need the rows in memory', async () => {
    const out = join(folder.path, 'never');
    const cases: [string[], number, RegExp][] = [
      [['--chunk-rows', '100'], 2, /--chunk-rows applies to --stream only; add --stream/],
      [['--stream', '--shuffle-buffer', '0'], 2, /--shuffle-buffer must be a whole number of 1 or more but is "0"/],
      [['--stream', '--chunk-rows', 'many'], 2, /--chunk-rows must be a whole number of 1 or more but is "many"/],
      [['--stream', '--ensemble', '3'], 1, /--ensemble needs the rows in memory and cannot be combined with streaming/],
      [['--stream', '--refit'], 1, /--refit needs the rows in memory/],
      // The default chunk (10,000 rows) holds the whole file, which cannot then be split.
      [['--stream'], 1, /rows\.csv was read as 1 chunk of rows, but streaming holds out whole chunks for validation and testing and needs at least 5; read it in smaller chunks/],
    ];
    for (const [flags, code, message] of cases) {
      const run = await runCli(['train', data, ...flags, '--out', out]);
      assert.equal(run.code, code, `${flags.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    const noFile = await runCli(['train', '--stream', '--out', out]);
    assert.equal(noFile.code, 2);
    assert.match(noFile.stderr, /--stream reads a data file in chunks and needs one/);
  });
});
