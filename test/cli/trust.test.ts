import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadClassifier } from '../../src/node/index.js';
import { readCsv } from '../../src/node/read-csv.js';
import { FIXTURES, runCli, temporaryFolder } from './run-cli.js';

// --ensemble, --refit, --calibrate and --test-split 0 end to end through the CLI.
const CUSTOMERS = join(FIXTURES, 'customers.csv');
const QUICK = ['--target', 'churned', '--epochs', '15', '--hidden', '8', '--quiet'];

describe('nnkit train --ensemble --test-split 0 --calibrate', () => {
  let folder: { path: string; remove: () => Promise<void> };
  before(async () => {
    folder = await temporaryFolder();
  });
  after(() => folder.remove());

  test('trains on every row; results, threshold and calibration come from the out-of-fold predictions', async () => {
    const out = join(folder.path, 'ensemble');
    const run = await runCli(['train', CUSTOMERS, ...QUICK, '--ensemble', '3', '--test-split', '0', '--calibrate', 'sigmoid', '--json', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(result.split, { train: 300, validation: 0, test: 0, seed: 42 });
    assert.equal(result.resultsOn, 'out-of-fold');
    assert.equal(result.test.rows, 300);
    assert.equal(result.ensemble.members, 3);
    assert.equal(result.calibration.fittedOn, 'out-of-fold');
    assert.equal(result.calibration.map.method, 'sigmoid');
    assert.equal(result.calibration.results.on, 'out-of-fold');
    assert.equal(result.calibration.results.rows, 300);
    assert.ok(result.calibration.results.after.brier >= 0 && result.calibration.results.before.ece >= 0);
    assert.equal(result.threshold.rows, 300);
    // evaluate and predict read the saved ensemble and its calibration as one model
    const table = await readCsv(CUSTOMERS, { target: 'churned' });
    const clf = await loadClassifier(out);
    const evaluated = await runCli(['evaluate', CUSTOMERS, '--model', out, '--json']);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const inProcess = clf.evaluate(table).results;
    assert.ok(inProcess.task === 'binary');
    assert.equal(JSON.parse(evaluated.stdout).results.accuracy, inProcess.evaluation.accuracy);
  });

  test('the text output names the rows the results come from and the calibration before and after', async () => {
    const run = await runCli(['train', CUSTOMERS, ...QUICK.filter((flag) => flag !== '--quiet'), '--ensemble', '1', '--test-split', '0', '--calibrate', 'temperature', '--out', join(folder.path, 'plain')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Calibration: temperature \d\.\d+, fitted on \d+ validation rows\. On the \d+ validation rows: ECE \d\.\d{4} → \d\.\d{4}, Brier/m);
    assert.match(run.stdout, /^No test rows: the results below are on the \d+ validation rows, which also chose the epoch and the threshold/m);
    assert.match(run.stdout, /^Validation results \(\d+ rows/m);
    assert.match(run.stdout, /^Threshold 0\.\d{4}: max F1 on the validation rows, shrunk .* \(\d+ rows: F1/m);
    const ensemble = await runCli(['train', CUSTOMERS, '--target', 'churned', '--epochs', '3', '--hidden', '8', '--ensemble', '2', '--out', join(folder.path, 'e2')]);
    assert.equal(ensemble.code, 0, ensemble.stderr);
    assert.match(ensemble.stdout, /^Ensemble: 2 members, each trained on 1 of 2 stratified folds of the 240 training rows/m);
    assert.match(ensemble.stdout, /^Ensemble of 2 members, each early-stopped on its own fold; epochs kept: \d+, \d+\.$/m);
  });

  test('--refit trains again for the epochs early stopping kept; bad values are usage errors', async () => {
    const run = await runCli(['train', CUSTOMERS, ...QUICK.filter((flag) => flag !== '--quiet'), '--patience', '3', '--refit', '--json', '--out', join(folder.path, 'refit')]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.refit.epochs, result.training.bestEpoch + 1);
    assert.equal(result.resultsOn, 'test');
    const noTest = await runCli(['train', CUSTOMERS, ...QUICK.filter((flag) => flag !== '--quiet'), '--patience', '3', '--refit', '--test-split', '0', '--out', join(folder.path, 'refit0')]);
    assert.equal(noTest.code, 0, noTest.stderr);
    assert.match(noTest.stdout, /^Refit: then a new network on the training and validation rows/m);
    assert.match(noTest.stdout, /^No test rows: the results below are on the \d+ validation rows, .*They are the first network's, before the refit trained on those rows too\.$/m);
    const ensemble = await runCli(['train', CUSTOMERS, '--ensemble', '0', '--out', join(folder.path, 'x')]);
    assert.equal(ensemble.code, 2);
    assert.match(ensemble.stderr, /--ensemble must be auto or a whole number of members from 1 \(one network\) to 100, e\.g\. 5, but is "0"/);
    const multiclass = await runCli(['train', CUSTOMERS, '--target', 'region', '--calibrate', 'isotonic', '--quiet', '--out', join(folder.path, 'y')]);
    assert.equal(multiclass.code, 1);
    assert.match(multiclass.stderr, /--calibrate "isotonic" calibrates two-class models, but this target has 4 classes; use "temperature"/);
  });
});

describe('--test-split 0 end to end, and nnkit cv with --calibrate --ensemble', () => {
  let folder: { path: string; remove: () => Promise<void> };
  before(async () => {
    folder = await temporaryFolder();
  });
  after(() => folder.remove());

  test('train on every row of one file, then predict and evaluate a file of its own', async () => {
    const [header, ...rows] = (await readFile(CUSTOMERS, 'utf8')).trim().split('\n');
    const [trainFile, ownFile, out] = ['train.csv', 'own-test.csv', 'model'].map((name) => join(folder.path, name));
    await writeFile(trainFile, [header, ...rows.slice(0, 220)].join('\n') + '\n');
    await writeFile(ownFile, [header, ...rows.slice(220)].join('\n') + '\n');
    const trained = await runCli(['train', trainFile, ...QUICK, '--test-split', '0', '--calibrate', 'temperature', '--json', '--out', out]);
    assert.equal(trained.code, 0, trained.stderr);
    const result = JSON.parse(trained.stdout);
    assert.equal(result.split.train + result.split.validation, 220);
    assert.equal(result.split.test, 0);
    // NOTE: 220 rows, so --ensemble auto trains an ensemble, whose out-of-fold predictions give the results.
    assert.equal(result.resultsOn, 'out-of-fold');
    const predicted = await runCli(['predict', '--model', out, ownFile]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const lines = predicted.stdout.trim().split('\n');
    assert.equal(lines.length, 81, 'a header and one line per row of the own file');
    // predict and evaluate agree with the library on the own file, calibration applied
    const clf = await loadClassifier(out);
    const own = await readCsv(ownFile, { target: 'churned' });
    const probabilities = clf.predictProbabilities(own).data;
    const column = lines[0].split(',').indexOf('probability_yes');
    assert.ok(column >= 0, lines[0]);
    lines.slice(1).forEach((line, i) => assert.ok(Math.abs(Number(line.split(',')[column]) - probabilities[i]) < 1e-6, `row ${i + 1}`));
    const raw = clf.model.predictProbabilities(clf.transform(own).x).data;
    assert.notDeepEqual(probabilities, raw, 'the saved temperature is applied');
    const evaluated = await runCli(['evaluate', ownFile, '--model', out, '--json']);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const evaluation = JSON.parse(evaluated.stdout);
    const inProcess = clf.evaluate(own).results;
    assert.ok(inProcess.task === 'binary');
    assert.equal(evaluation.results.rocAuc, inProcess.evaluation.rocAuc);
    assert.equal(evaluation.results.rows ?? 80, 80);
  });

  test('nnkit cv --calibrate sigmoid --ensemble 2 calibrates inside every fold', async () => {
    const args = ['cv', CUSTOMERS, '--target', 'churned', '--epochs', '8', '--hidden', '8', '--folds', '3', '--no-logistic', '--ensemble', '2', '--json'];
    const plainOof = join(folder.path, 'plain.csv');
    const calibratedOof = join(folder.path, 'calibrated.csv');
    const plain = await runCli([...args, '--oof', plainOof]);
    const calibrated = await runCli([...args, '--calibrate', 'sigmoid', '--oof', calibratedOof]);
    assert.equal(calibrated.code, 0, calibrated.stderr);
    assert.equal(plain.code, 0, plain.stderr);
    const folds = JSON.parse(calibrated.stdout).folds;
    assert.equal(folds.length, 3);
    // NOTE: an ensemble's members hold out folds of the fold's training rows: no validation rows.
    for (const fold of folds) assert.equal(fold.rows.validation, 0);
    const p = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').slice(1).map((line) => line.split(',').at(-1));
    assert.notDeepEqual(await p(calibratedOof), await p(plainOof), 'the out-of-fold probabilities are calibrated');
  });
});
