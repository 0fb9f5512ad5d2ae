import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATA, runCli, temporaryFolder, type CliOutcome } from './run-cli.js';

describe('nnkit on a three-class target (iris)', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let trained: CliOutcome;
  let result: Record<string, any>;
  let modelDir: string;
  let reportPath: string;

  before(async () => {
    folder = await temporaryFolder();
    modelDir = join(folder.path, 'iris');
    reportPath = join(folder.path, 'iris.html');
    trained = await runCli(['train', join(DATA, 'iris.csv'), '--out', modelDir, '--epochs', '60', '--report', reportPath, '--json', '--quiet']);
    result = trained.code === 0 ? JSON.parse(trained.stdout) : {};
  });
  after(() => folder.remove());

  test('trains a softmax model with sparse categorical cross-entropy and no threshold', async () => {
    assert.equal(trained.code, 0, trained.stderr);
    assert.equal(result.test.task, 'multiclass');
    assert.equal(result.threshold, null);
    assert.deepEqual(result.data.classNames, ['0', '1', '2']);
    const summary = await runCli(['summary', '--model', modelDir]);
    assert.match(summary.stdout, /output \(Dense\)\s+│ \(None, 3\)/);
    assert.match(summary.stdout, /loss: sparse_categorical_crossentropy/);
    assert.match(summary.stdout, /Decision: the most probable class\./);
  });

  test('reports accuracy beside the baseline, macro averages, per-class rows and a 3 × 3 confusion matrix', () => {
    assert.ok(result.test.accuracy >= 0.8, `accuracy ${result.test.accuracy}`);
    assert.equal(result.test.baselineAccuracy, 1 / 3);
    assert.equal(result.test.perClass.length, 3);
    const counts: number[][] = result.test.confusionMatrix.counts;
    assert.equal(counts.length, 3);
    assert.equal(counts.flat().reduce((a, b) => a + b, 0), 30);
    const diagonal = counts[0][0] + counts[1][1] + counts[2][2];
    assert.equal(result.test.accuracy, diagonal / 30);
  });

  test('writes a multi-class report', async () => {
    const html = await readFile(reportPath, 'utf8');
    assert.match(html, /3-class classification/);
  });

  test('predict writes one probability per class and the most probable class', async () => {
    const predicted = await runCli(['predict', '--model', modelDir, join(DATA, 'iris.csv')]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const lines = predicted.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'probability_0,probability_1,probability_2,class');
    assert.equal(lines.length, 151);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      const p = cells.slice(0, 3).map(Number);
      assert.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-5);
      assert.equal(cells[3], String(p.indexOf(Math.max(...p))));
    }
  });

  test('evaluate on the file gives multi-class results as text', async () => {
    const evaluated = await runCli(['evaluate', '--model', modelDir, join(DATA, 'iris.csv')]);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    assert.match(evaluated.stdout, /Results on the rows of .*iris\.csv \(150 rows, 3 classes, predicted class = most probable\)/);
    assert.match(evaluated.stdout, /macro avg/);
  });
});
