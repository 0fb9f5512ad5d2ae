/** The runnable examples are documentation, so they run in the suite as a user would run them. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

function runExample(file: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `${file} exited with ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

function accuracyIn(output: string): number {
  const match = /test accuracy ([0-9.]+)/.exec(output);
  assert.ok(match, `no "test accuracy" line in:\n${output}`);
  return Number(match[1]);
}

test('examples/breast-cancer.ts trains, prints the summary table and reaches test accuracy ≥ 0.95', () => {
  const output = runExample('examples/breast-cancer.ts');
  assert.match(output, /dense_\d* \(Dense\)\s+│ \(None, 1\)/);
  assert.match(output, /malignant/);
  assert.ok(accuracyIn(output) >= 0.95, output);
});

test('examples/digits.ts trains a softmax model and reaches test accuracy ≥ 0.93', () => {
  const output = runExample('examples/digits.ts');
  assert.match(output, /\(None, 10\)/);
  assert.ok(accuracyIn(output) >= 0.93, output);
});

test('examples/pipeline.ts trains the classifier pipeline, predicts raw rows and loads it back identically', () => {
  const output = runExample('examples/pipeline.ts');
  assert.ok(accuracyIn(output) >= 0.95, output);
  assert.match(output, /threshold 0\.\d{4}: max F1 on the validation rows/);
  assert.match(output, /classes of the first rows: [01], [01], [01]/);
  assert.match(output, /the same predictions after loading: true/);
});
