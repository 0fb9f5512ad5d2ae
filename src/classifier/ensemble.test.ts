import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { loadClassifier } from './load-classifier.js';
import { loadClassifier as loadFromFolder } from '../node/index.js';
import { trainClassifier } from './train-classifier.js';

// Bagged ensembles, refits and training on every row, through trainClassifier.
const customers = () => parseCsv(readFileSync('test/fixtures/cli/customers.csv', 'utf8'), { target: 'churned' });
const sameBits = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

describe('trainClassifier({ ensemble })', () => {
  test('k members over folds of the training rows, averaged; threshold and calibration on out-of-fold rows', async () => {
    const clf = await trainClassifier(customers(), { epochs: 20, hidden: [8], seed: 5, ensemble: 3, calibrate: 'sigmoid' });
    const run = clf.trainingRun!;
    assert.equal(run.split.validation.length, 0, 'no validation rows: each member holds out its own fold');
    assert.equal(clf.pipeline.ensemble?.members, 3);
    assert.equal(clf.pipeline.ensemble?.epochs.length, 3);
    assert.equal(clf.pipeline.calibration?.fittedOn, 'out-of-fold');
    assert.equal(clf.pipeline.calibration?.rows, run.split.train.length, 'every training row calibrates once');
    assert.equal(clf.pipeline.threshold?.rows, run.split.train.length);
    assert.match(clf.pipeline.threshold!.rule, new RegExp(`^max F1 on the out-of-fold predictions of ${run.split.train.length} rows`));
    assert.equal(run.resultsOn, 'test');
    const dense = clf.model.layers.filter((layer) => layer.name.startsWith('member_'));
    assert.equal(dense.length, 6, 'two Dense layers per member');
  });

  test('saved and reloaded, it predicts bit-identically (bytes and folder formats alike)', async () => {
    const table = customers();
    const clf = await trainClassifier(table, { epochs: 10, hidden: [8, 4], seed: 9, ensemble: 4 });
    const back = await loadClassifier(clf.toBytes());
    assert.ok(sameBits(back.predictProbabilities(table).data, clf.predictProbabilities(table).data), 'probabilities bit for bit');
    const folder = await mkdtemp(join(tmpdir(), 'nnkit-ensemble-'));
    try {
      await clf.save(folder);
      const fromFolder = await loadFromFolder(folder);
      assert.ok(sameBits(fromFolder.predictProbabilities(table).data, clf.predictProbabilities(table).data), 'from a folder, bit for bit');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    assert.deepEqual(back.predict(table), clf.predict(table));
    assert.equal(back.threshold, clf.threshold);
    assert.deepEqual(back.pipeline.ensemble, clf.pipeline.ensemble);
    assert.deepEqual(back.evaluate(table).results.rows, table.rows);
  });

  test('multi-class: members\' softmax averaged, temperature on the out-of-fold rows, reloaded bit for bit', async () => {
    const table = parseCsv(readFileSync('test/fixtures/cli/customers.csv', 'utf8'), { target: 'region' });
    const clf = await trainClassifier(table, { epochs: 8, hidden: [8], seed: 2, ensemble: 3, calibrate: 'temperature' });
    assert.equal(clf.pipeline.calibration?.fittedOn, 'out-of-fold');
    const raw = clf.model.predictProbabilities(clf.transform(table).x);
    assert.equal(raw.cols, 4);
    for (let row = 0; row < raw.rows; row++) {
      const sum = Array.from(raw.data.subarray(row * 4, row * 4 + 4)).reduce((a, b) => a + b);
      assert.ok(Math.abs(sum - 1) < 1e-5, `row ${row} sums to ${sum}`);
    }
    const back = await loadClassifier(clf.toBytes());
    assert.ok(sameBits(back.predictProbabilities(table).data, clf.predictProbabilities(table).data));
  });

  test('testSplit 0: trained on every row, results from the out-of-fold predictions', async () => {
    const table = customers();
    const clf = await trainClassifier(table, { epochs: 10, hidden: [8], seed: 5, ensemble: 3, testSplit: 0 });
    const run = clf.trainingRun!;
    assert.equal(run.split.test.length, 0);
    assert.equal(run.split.train.length, table.rows);
    assert.equal(run.resultsOn, 'out-of-fold');
    assert.equal(run.test.rows, table.rows);
    assert.equal(clf.pipeline.testMetricsOn, 'out-of-fold');
    assert.ok(!run.warnings.some((w) => w.code === 'doctor/too-few-rows'), 'no validation or test rows, by design: no finding');
    assert.equal((await loadClassifier(clf.toBytes())).pipeline.split.test, 0);
  });
});

describe('trainClassifier({ refit, testSplit: 0 })', () => {
  test('refit trains again on training + validation rows for the epochs early stopping kept', async () => {
    const first = await trainClassifier(customers(), { epochs: 40, patience: 3, hidden: [8], seed: 5 });
    const clf = await trainClassifier(customers(), { epochs: 40, patience: 3, hidden: [8], seed: 5, refit: true });
    assert.equal(clf.pipeline.refit?.epochs, first.trainingRun!.bestEpoch + 1);
    assert.equal(clf.threshold, first.threshold, 'the threshold of the validation rows, chosen before the refit');
    assert.equal(clf.model.doctor.trainingRows?.size, first.trainingRun!.split.train.length + first.trainingRun!.split.validation.length);
  });

  test('testSplit 0 without an ensemble: results on the validation rows, said so', async () => {
    const table = customers();
    const clf = await trainClassifier(table, { epochs: 10, hidden: [8], seed: 5, testSplit: 0 });
    const run = clf.trainingRun!;
    assert.equal(run.split.test.length, 0);
    assert.equal(run.split.train.length + run.split.validation.length, table.rows);
    assert.equal(run.resultsOn, 'validation');
    assert.equal(run.test.rows, run.split.validation.length);
    assert.ok(!run.warnings.some((w) => w.code === 'doctor/too-few-rows'));
  });
});
