import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DATA, runCli, temporaryFolder } from './run-cli.js';

// The traps of issue 18 the model doctor now calls out, each from the command line on a fixture
// of test/fixtures/doctor (made by make-fixtures.mjs there) or the bundled data.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'doctor');

/** The warnings block of a run's output (between "Warnings:" and the next blank line). */
function warningsOf(stdout: string): string {
  return /^Warnings:\n([\s\S]*?)(?:\n\n|$)/m.exec(stdout)?.[1] ?? '';
}

describe('nnkit and the doctor: leaks and traps on real files', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let breastCancer: string;
  before(async () => {
    folder = await temporaryFolder();
    breastCancer = join(folder.path, 'bc');
    const trained = await runCli(['train', '--out', breastCancer, '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
  });
  after(() => folder.remove());

  test('a column that copies the label is named, with the flag that leaves it out', async () => {
    const run = await runCli(['train', join(FIXTURES, 'leak.csv'), '--target', 'churned', '--out', join(folder.path, 'leak'), '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(warningsOf(run.stdout), /warning {2}Column "account_status" \(ROC AUC 1\.0000\) alone separates the classes of the training rows almost perfectly/);
    assert.match(run.stdout, /leave it out \(--ignore account_status\) and retrain/);
    // The test scores are perfect, so their intervals are undefined, not [1.0000, 1.0000].
    assert.match(run.stdout, /^ {2}accuracy {4}1\.0000 {3}undefined/m);
    assert.doesNotMatch(run.stdout, /\[1\.0000, 1\.0000\]/);
  });

  test('ignoring the leaking column, as advised, trains without the warning', async () => {
    const run = await runCli(['train', join(FIXTURES, 'leak.csv'), '--target', 'churned', '--ignore', 'account_status', '--out', join(folder.path, 'no-leak'), '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /target-leakage|alone separates/);
  });

  test('an id counting the rows of a file sorted by label, and unique e-mails, are identifiers', async () => {
    const run = await runCli(['train', join(FIXTURES, 'ids.csv'), '--target', 'churned', '--out', join(folder.path, 'ids'), '--quiet', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const [found] = JSON.parse(run.stdout).warnings.filter((w: { code: string }) => w.code === 'doctor/identifier-column');
    assert.match(found.message, /Column "customer_id" looks like an identifier: its 216 values in the training rows are all different whole numbers that rise \(or fall\) with the row number\./);
    assert.match(found.message, /Column "email" looks like an identifier/);
    assert.match(found.message, /Alone, "customer_id" \(ROC AUC 1\.0000\) also separates the classes: the rows are probably ordered by label/);
    assert.match(found.message, /Leave them out: --ignore customer_id; --ignore email\./);
  });

  test('a model that never finds the 2% positives is called out, with the flag that weighs them', async () => {
    const run = await runCli(['train', join(FIXTURES, 'imbalanced.csv'), '--target', 'fraud', '--out', join(folder.path, 'fraud'), '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    const warnings = warningsOf(run.stdout);
    assert.match(warnings, /predicted class 0 for 100\.0% of the training rows, while 98\.0% of the labels are class 0\. It found none of the 29 rows of the other class \(recall 0\)\./);
    assert.match(warnings, /Set --class-weight to "balanced"/);
    assert.doesNotMatch(warnings, /Compile with metrics/, 'the pipeline reports recall and AUC already');
  });

  test('--test-split 0.99 warns that 4 training rows are too few to learn from', async () => {
    const run = await runCli(['train', '--test-split', '0.99', '--out', join(folder.path, 'tiny'), '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(warningsOf(run.stdout), /Too few rows to learn or to measure from: the 4 training rows hold 3 of class "0" and 1 of class "1"; the 2 validation rows hold 1 of class "0" and 1 of class "1"/);
    assert.match(run.stdout, /Use more rows: make --test-split or --validation-split smaller; make --validation-split larger\./);
  });

  test('evaluate on the training file says how many rows the model trained on', async () => {
    const run = await runCli(['evaluate', '--model', breastCancer, join(DATA, 'breast_cancer.csv')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Results on the rows of .*breast_cancer\.csv \(569 rows, positive class "1"/m);
    assert.match(run.stdout, /^455 of these 569 rows are training rows of the model: scores on them measure memory/m);
    assert.match(warningsOf(run.stdout), /455 of the 569 evaluated rows \(80\.0%\) also appear, value for value, in the training rows/);
    const report = join(folder.path, 'evaluation.html');
    const json = JSON.parse((await runCli(['evaluate', '--model', breastCancer, join(DATA, 'breast_cancer.csv'), '--json', '--report', report])).stdout);
    assert.equal(json.trainingRows, 455);
    assert.match(run.stdout, /^Baselines on the same 569 rows:$/m);
    assert.deepEqual(json.baselines, { majority: { accuracy: json.results.baselineAccuracy, predicts: '0', rocAuc: 0.5 }, logistic: null });
    const html = await readFile(report, 'utf8');
    assert.match(html, /<h2>Metrics on the rows of <code>[^<]*breast_cancer\.csv<\/code><\/h2>/);
    assert.match(html, /On the 569 rows of [^<]*breast_cancer\.csv\. 455 of them are training rows of the model/);
    assert.doesNotMatch(html, /held-out rows/);
  });

  test('evaluate on rows of one class gives recall and leaves ROC-AUC undefined', async () => {
    const file = join(folder.path, 'malignant.csv');
    const lines = (await readFile(join(DATA, 'breast_cancer.csv'), 'utf8')).trimEnd().split('\n');
    await writeFile(file, [lines[0], ...lines.slice(1).filter((line) => line.endsWith(',1'))].join('\n') + '\n');
    const run = await runCli(['evaluate', '--model', breastCancer, file, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const results = JSON.parse(run.stdout).results;
    assert.equal(results.rows, 212);
    assert.ok(results.recall > 0.9, `recall ${results.recall}`);
    assert.equal(results.rocAuc, null);
    assert.equal(results.confidenceIntervals.rocAuc, null);
    const text = await runCli(['evaluate', '--model', breastCancer, file]);
    assert.match(text.stdout, /^ {2}ROC-AUC {5}n\/a/m);
    assert.doesNotMatch(text.stdout, /no better than always predicting the majority class/);
  });

  test('the positive class is a note, worded for what was chosen and why, not a warning', async () => {
    const run = await runCli(['train', '--out', join(folder.path, 'note'), '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /^Warnings:/m, 'a clean run has no warnings');
    assert.match(run.stdout, /^Notes:\n {2}info {5}Positive class "1" \(the class precision, recall and the threshold are about\): of the numeric labels 0 and 1, the larger one; 212 of 569 rows, 37\.3%\. To make "0" the positive class, pass --positive 0\.$/m);
  });
});
