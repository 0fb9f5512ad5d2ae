import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { metricsSectionHtml } from '../report/sections/metrics-section.js';
import { baselinesJson } from './baselines-json.js';
import { trainingReport } from './classifier-report.js';
import { logisticBaseline } from './logistic-baseline.js';
import { trainClassifier } from './train-classifier.js';

// The baselines beside every binary result: the majority class and a logistic regression
// trained the same way on the same rows.
const customers = () => parseCsv(readFileSync('test/fixtures/cli/customers.csv', 'utf8'), { target: 'churned' });
const options = { epochs: 15, hidden: [8], seed: 3 };

test('the logistic baseline is the same pipeline without hidden layers, scored on the same rows', async () => {
  const table = customers();
  const clf = await trainClassifier(table, options);
  const lr = (await logisticBaseline(table, clf, options))!;
  const run = clf.trainingRun!;
  const baseline = lr.trainingRun!;
  assert.deepEqual(baseline.split, run.split, 'the classifier run\'s own rows');
  assert.equal(lr.model.layers.filter((layer) => layer.className === 'Dense').length, 1, 'one Dense layer: a logistic regression');
  assert.deepEqual(lr.pipeline.preprocessor, clf.pipeline.preprocessor, 'the same preprocessing, fitted on the same rows');
  assert.ok(baseline.test.task === 'binary' && run.test.task === 'binary');
  assert.deepEqual(baseline.test.labels, run.test.labels);
});

test('baselinesJson lists the majority class and the logistic regression, null for multi-class', async () => {
  const table = customers();
  const clf = await trainClassifier(table, options);
  const lr = (await logisticBaseline(table, clf, options))!;
  const test = clf.trainingRun!.test;
  const json = baselinesJson(test, clf.classNames, lr.trainingRun!.test) as Record<string, any>;
  assert.ok(test.task === 'binary');
  assert.deepEqual(json.majority, { accuracy: test.evaluation.baseline.accuracy, predicts: clf.classNames[test.evaluation.baseline.majorityClass], rocAuc: 0.5 });
  const lrTest = lr.trainingRun!.test;
  assert.ok(lrTest.task === 'binary');
  assert.deepEqual(json.logistic, { accuracy: lrTest.evaluation.accuracy, f1: lrTest.evaluation.f1, rocAuc: lrTest.evaluation.rocAuc, logLoss: lrTest.loss, threshold: lr.threshold });
  assert.equal((baselinesJson(test, clf.classNames) as Record<string, any>).logistic, null);
});

test('the report shows the logistic baseline in the metrics table when it was trained', async () => {
  const table = customers();
  const clf = await trainClassifier(table, options);
  const lr = (await logisticBaseline(table, clf, options))!;
  const plain = trainingReport(clf, { title: 't' });
  const withBaseline = trainingReport(clf, { title: 't', logistic: lr.trainingRun!.test });
  assert.equal(plain.metrics.logisticBaseline, undefined);
  assert.equal(withBaseline.metrics.logisticBaseline?.logLoss, lr.trainingRun!.test.loss);
  assert.doesNotMatch(metricsSectionHtml(plain.metrics), /logistic-regression baseline/);
  assert.match(metricsSectionHtml(withBaseline.metrics), /logistic-regression baseline \(same pipeline, no hidden layers\)/);
});

test('a multi-class classifier has no logistic baseline here (its majority accuracy is in the results)', async () => {
  const text = ['x,y', ...Array.from({ length: 60 }, (_, i) => `${i % 3 + (i % 7) / 10},${['a', 'b', 'c'][i % 3]}`)].join('\n');
  const table = parseCsv(text, { target: 'y' });
  const clf = await trainClassifier(table, { epochs: 3, hidden: [4] });
  assert.equal(await logisticBaseline(table, clf, { epochs: 3 }), undefined);
  assert.equal(baselinesJson(clf.trainingRun!.test, clf.classNames), null);
});
