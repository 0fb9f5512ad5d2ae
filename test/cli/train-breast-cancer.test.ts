import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadClassifier } from '../../src/classifier/load-classifier.js';
import { splitIndices } from '../../src/data/split-indices.js';
import { loadModel } from '../../src/node/index.js';
import { readCsv } from '../../src/node/read-csv.js';
import { rocAucScore } from '../../src/metrics/index.js';
import { DATA, runCli, temporaryFolder, type CliOutcome } from './run-cli.js';

// One default training run on the bundled data, shared by the tests below (about four seconds):
// 569 rows, so --ensemble auto trains the small-table settings (10 members of [128, 64]).
describe('nnkit train with the defaults on the bundled breast-cancer data', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let trained: CliOutcome;
  let result: Record<string, any>;
  let modelDir: string;
  let reportPath: string;

  before(async () => {
    folder = await temporaryFolder();
    modelDir = join(folder.path, 'models', 'breast-cancer');
    reportPath = join(modelDir, 'report.html');
    trained = await runCli(['train', '--out', modelDir, '--report', reportPath, '--json']);
    result = trained.code === 0 ? JSON.parse(trained.stdout) : {};
  });
  after(() => folder.remove());

  test('exits 0 and prints JSON that parses, with Keras-style progress on stderr', () => {
    assert.equal(trained.code, 0, trained.stderr);
    assert.equal(result.command, 'train');
    assert.match(trained.stderr, /^Epoch 1\/200$/m);
    assert.match(trained.stderr, /val_loss: \d\.\d{4}/);
  });

  test('reaches test ROC-AUC >= 0.99 and accuracy >= 0.95 on held-out rows, above the majority baseline', () => {
    assert.ok(result.test.rocAuc >= 0.99, `ROC-AUC ${result.test.rocAuc}`);
    assert.ok(result.test.accuracy >= 0.95, `accuracy ${result.test.accuracy}`);
    assert.ok(result.test.accuracy > result.test.baselineAccuracy);
    assert.equal(result.test.rows, 114);
  });

  test('puts the majority and the logistic-regression baselines beside the results, on the same rows', () => {
    assert.deepEqual(result.baselines.majority, { accuracy: result.test.baselineAccuracy, predicts: '0', rocAuc: 0.5 });
    const logistic = result.baselines.logistic;
    assert.ok(logistic.rocAuc >= 0.98 && logistic.rocAuc <= 1, `logistic ROC-AUC ${logistic.rocAuc}`);
    assert.ok(logistic.accuracy > result.test.baselineAccuracy, `logistic accuracy ${logistic.accuracy}`);
    assert.ok(Number.isFinite(logistic.logLoss) && logistic.threshold > 0 && logistic.threshold < 1);
  });

  test('splits stratified into 455 training and 114 test rows; the members hold out folds of the training rows', () => {
    assert.deepEqual(result.split, { train: 455, validation: 0, test: 114, seed: 42 });
    assert.equal(result.ensemble.members, 10);
    assert.equal(result.ensemble.epochs.length, 10);
    assert.match(trained.stderr + trained.stdout, /--ensemble auto: 455 training rows, at most 2000, so the settings measured best on small tables/);
  });

  test('reports confidence intervals around each test metric and a consistent confusion matrix', () => {
    const ci = result.test.confidenceIntervals;
    for (const name of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc']) {
      const value = result.test[name];
      // NOTE: a metric at 0 or 1 in every resample has no interval (the bootstrap says so).
      if (ci[name] === null) assert.ok(value === 0 || value === 1, `${name} ${value} without an interval`);
      else assert.ok(ci[name].lower <= value && value <= ci[name].upper, `${name} ${value} outside [${ci[name].lower}, ${ci[name].upper}]`);
    }
    const [[tn, fp], [fn, tp]] = result.test.confusionMatrix.counts;
    assert.equal(tn + fp + fn + tp, 114);
    assert.equal(result.test.accuracy, (tp + tn) / 114);
    assert.equal(result.test.precision, tp / (tp + fp));
  });

  test('tunes the threshold for F1 on the out-of-fold predictions and stores it in the model', async () => {
    assert.equal(result.threshold.objective, 'f1');
    assert.match(result.threshold.rule, /max F1 on the out-of-fold predictions of 455 rows/);
    const model = await loadModel(modelDir);
    assert.equal(model.threshold, result.threshold.value);
    assert.equal(result.test.threshold, result.threshold.value);
  });

  test('stops early and restores the best epoch', () => {
    assert.ok(result.training.epochsRun < 200);
    assert.equal(result.training.stoppedEpoch, result.training.epochsRun - 1);
    const valLoss: number[] = result.training.history.val_loss;
    assert.equal(valLoss.length, result.training.epochsRun);
    assert.equal(Math.min(...valLoss), valLoss[result.training.bestEpoch]);
  });

  test('writes a self-contained HTML report', async () => {
    const html = await readFile(reportPath, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /breast_cancer\.csv → label/);
    assert.equal(result.report, reportPath);
    assert.doesNotMatch(html, /<script/);
  });

  test('predict on the raw rows gives exactly the in-process predictions of the saved model', async () => {
    const predicted = await runCli(['predict', '--model', modelDir, join(DATA, 'breast_cancer.csv')]);
    assert.equal(predicted.code, 0, predicted.stderr);
    const lines = predicted.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'probability_1,class');
    const cliProbabilities = lines.slice(1).map((line) => Number(line.split(',')[0]));
    // In process: the library's columnar path (a readCsv table through the classifier), not the CLI's batches.
    const classifier = await loadClassifier(modelDir);
    const model = classifier.model;
    const data = await readCsv(join(DATA, 'breast_cancer.csv'), { columnTypes: classifier.columnTypes() });
    const inProcess = classifier.predictProbabilities(data, { verbose: 0 }).data;
    assert.equal(cliProbabilities.length, 569);
    cliProbabilities.forEach((p, row) => assert.equal(Math.fround(p), inProcess[row], `row ${row}`));
    const classes = lines.slice(1).map((line) => line.split(',')[1]);
    classes.forEach((name, row) => assert.equal(name, inProcess[row] > model.threshold ? '1' : '0'));

    // The same predictions, on the test rows of the seeded split, give train's test results.
    const [, testRows] = splitIndices(data.target!.labels, { fractions: [0.8, 0.2], seed: 42, stratify: true });
    const labels = Array.from(testRows, (row) => data.target!.labels[row]);
    const correct = Array.from(testRows, (row, i): number => (Number(classes[row]) === labels[i] ? 1 : 0)).reduce((a, b) => a + b, 0);
    assert.equal(correct / testRows.length, result.test.accuracy);
    assert.equal(rocAucScore(labels, Array.from(testRows, (row) => cliProbabilities[row])).value, result.test.rocAuc);
  });

  test('evaluate on labelled rows prints the same kind of results, as JSON with --json', async () => {
    const evaluated = await runCli(['evaluate', '--model', modelDir, join(DATA, 'breast_cancer.csv'), '--json']);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const output = JSON.parse(evaluated.stdout);
    assert.equal(output.results.rows, 569);
    assert.equal(output.results.threshold, result.threshold.value);
    assert.ok(output.results.rocAuc > 0.99);
    assert.ok(output.results.confidenceIntervals.accuracy.lower <= output.results.accuracy);
  });

  test('summary describes the architecture, preprocessing, threshold and training', async () => {
    const text = await runCli(['summary', '--model', modelDir]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Total params: 122,900/);
    assert.match(text.stdout, /mean_radius\s+numeric\s+standardized \(mean [\d.]+, std [\d.]+\)/);
    assert.match(text.stdout, /Threshold: 0\.\d{4} \(max F1 on the out-of-fold predictions of 455 rows, shrunk from the optimum 0\.\d{4} toward best F1 \/ 2/);
    assert.match(text.stdout, /split \(stratified, seed 42\): 455 training, 0 validation, 114 test rows/);
    const json = JSON.parse((await runCli(['summary', '--model', modelDir, '--json'])).stdout);
    assert.equal(json.architecture.totalParams, 10 * (30 * 128 + 128 + 128 * 64 + 64 + 64 + 1) + 10);
    assert.equal(json.preprocessing.columns.length, 30);
    assert.equal(json.testMetrics.rocAuc, result.test.rocAuc);
  });

  test('the saved model folder holds model.json, its weights and the report, nothing half-written', async () => {
    const files = (await readdir(modelDir)).sort();
    assert.equal(files.length, 3, files.join(', '));
    assert.deepEqual([files[0], files[1]], ['model.json', 'report.html']);
    assert.match(files[2], /^weights-[0-9a-f]{8}\.bin$/);
  });
});
