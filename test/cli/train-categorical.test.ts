import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, runCli, temporaryFolder, type CliOutcome } from './run-cli.js';

// A churn table built for these tests: numeric, categorical and boolean columns with missing
// values written as "", NA and ?, and the target (yes / no) in the middle of the columns.
describe('nnkit on a CSV with categorical columns and missing values', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let trained: CliOutcome;
  let modelDir: string;

  before(async () => {
    folder = await temporaryFolder();
    modelDir = join(folder.path, 'churn');
    trained = await runCli([
      'train', join(FIXTURES, 'customers.csv'), '--target', 'churned', '--out', modelDir,
      '--epochs', '40', '--hidden', '16', '--class-weight', 'balanced', '--threshold', 'recall>=0.8', '--quiet',
    ]);
  });
  after(() => folder.remove());

  test('trains, picks "yes" as the positive class and prints the test results', () => {
    assert.equal(trained.code, 0, trained.stderr);
    assert.equal(trained.stderr, '');
    assert.match(trained.stdout, /positive class "yes"/);
    assert.match(trained.stdout, /predicted no\s+predicted yes/);
    assert.match(trained.stdout, /Model saved to .*churn/);
    assert.doesNotMatch(trained.stdout, /^Epoch /m, '--quiet hides the progress');
  });

  test('learns something: test ROC-AUC well above chance', () => {
    const auc = Number(/ROC-AUC\s+(\d\.\d{4})/.exec(trained.stdout)?.[1]);
    assert.ok(auc > 0.75, `ROC-AUC ${auc}`);
  });

  test('keeps the preprocessing in the model: one-hot with a <missing> slot, mean imputation with indicators', async () => {
    const summary = await runCli(['summary', '--model', modelDir]);
    assert.equal(summary.code, 0, summary.stderr);
    assert.match(summary.stdout, /plan\s+categorical\s+one-hot over 3 \(.*\); unseen values → all zeros; <missing>/);
    assert.match(summary.stdout, /age\s+numeric\s+standardized .*; missing → the mean \+ age_missing indicator/);
    assert.match(summary.stdout, /autopay\s+boolean\s+0\/1; missing → [01] \+ autopay_missing indicator/);
    assert.match(summary.stdout, /highest precision with recall ≥ 0\.8 on the out-of-fold predictions of 240 rows/);
    const json = JSON.parse((await runCli(['summary', '--model', modelDir, '--json'])).stdout);
    assert.deepEqual(json.classNames, ['no', 'yes']);
    assert.equal(json.training.settings.classWeight, 'balanced');
    assert.ok(json.featureNames.includes('plan=<missing>'));
  });

  test('predicts raw rows with missing values and unseen categories, warning on stderr', async () => {
    const predicted = await runCli(['predict', '--model', modelDir, join(FIXTURES, 'customers-new.csv')]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const lines = predicted.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'probability_yes,class');
    assert.equal(lines.length, 5);
    for (const line of lines.slice(1)) {
      const [probability, name] = line.split(',');
      assert.ok(Number(probability) >= 0 && Number(probability) <= 1);
      assert.ok(name === 'yes' || name === 'no');
    }
    assert.match(predicted.stderr, /column "plan": 1 row with a category not seen in training \(e\.g\. "enterprise"\)/);
    assert.match(predicted.stderr, /column "region": 1 row with a category not seen in training \(e\.g\. "mars"\)/);
  });

  test('predict refuses a file that lacks a column the model was trained on, naming it', async () => {
    const file = join(folder.path, 'no-plan.csv');
    const text = await readFile(join(FIXTURES, 'customers-new.csv'), 'utf8');
    await writeFile(file, text.replace('plan,', 'plan_name,'));
    const predicted = await runCli(['predict', '--model', modelDir, file]);
    assert.equal(predicted.code, 1);
    assert.equal(predicted.stdout, '');
    assert.match(predicted.stderr, /^nnkit predict: .*lacks the column "plan"/);
    assert.equal(predicted.stderr.trimEnd().split('\n').length, 1);
  });
});
