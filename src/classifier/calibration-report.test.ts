import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { renderReport } from '../report/render-report.js';
import { calibrationQuality } from './calibration.js';
import { importanceData } from './calibration-report.js';
import { evaluationReport, trainingReport } from './classifier-report.js';
import { loadClassifier } from './load-classifier.js';
import { trainClassifier } from './train-classifier.js';

// The report's calibration section (before / after on the results' rows) and importance chart.
const customers = () => parseCsv(readFileSync('test/fixtures/cli/customers.csv', 'utf8'), { target: 'churned' });
const figure = (html: string, id: string) => new RegExp(`<figure[^>]* id="chart-${id}">([\\s\\S]*?)</figure>`).exec(html)?.[1];

test('a calibrated run\'s report shows reliability, ECE, Brier and log loss before and after, on the test rows', async () => {
  const clf = await trainClassifier(customers(), { epochs: 20, hidden: [8], seed: 4, calibrate: 'temperature' });
  const run = clf.trainingRun!;
  const data = trainingReport(clf, { title: 'customers' });
  const section = data.calibration!;
  assert.equal(section.measuredOn, `the ${run.split.test.length} test rows`);
  assert.match(section.method, /^temperature \d/);
  assert.equal(section.fittedOn, `${run.split.validation.length} validation rows`);
  assert.equal(section.before.brier, run.calibration!.results.before.brier);
  assert.equal(section.after.reliability.expectedCalibrationError, run.calibration!.results.after.ece);
  // NOTE: after is what the results show: the reliability chart of the results is the calibrated one.
  assert.equal(section.after.reliability.expectedCalibrationError, data.reliability!.expectedCalibrationError);
  const html = await renderReport(data);
  const panels = figure(html, 'calibration');
  assert.ok(panels !== undefined);
  assert.equal(panels.match(/<svg /g)?.length, 2, 'before and after side by side');
  assert.match(html, /calibrated by temperature \d\.\d+, which was fitted on \d+ validation rows/);
  assert.equal(figure(html, 'importance'), undefined, 'no importance without explain data');
  const plain = await trainClassifier(customers(), { epochs: 20, hidden: [8], seed: 4 });
  assert.equal(trainingReport(plain, { title: 'customers' }).calibration, undefined);
});

test('an evaluation report of a loaded calibrated ensemble has the before / after of the evaluated rows and the importance chart', async () => {
  const table = customers();
  const trained = await trainClassifier(table, { epochs: 10, hidden: [8], seed: 4, ensemble: 3, calibrate: 'sigmoid' });
  const clf = await loadClassifier(trained.toBytes());
  const evaluation = clf.evaluate(table);
  const importance = importanceData(clf.permutationImportance(table, { repeats: 2, seed: 3 }), { repeats: 2, seed: 3 });
  const data = evaluationReport(clf, evaluation, { title: 'customers', table, importance });
  const raw = clf.model.predictProbabilities(clf.transform(table).x).data;
  const expected = calibrationQuality(raw, evaluation.results.labels, 1);
  assert.equal(data.calibration!.before.brier, expected.brier);
  assert.equal(data.calibration!.measuredOn, `the ${table.rows} evaluated rows`);
  assert.equal(data.calibration!.fittedOn, `${trained.trainingRun!.split.train.length} out-of-fold predictions`);
  assert.equal(data.calibration!.after.reliability.expectedCalibrationError, data.reliability!.expectedCalibrationError);
  assert.deepEqual(data.importance!.columns.map((c) => c.column).sort(), table.features.columns.map((c) => c.name).sort());
  const html = await renderReport(data);
  assert.ok(figure(html, 'importance')?.startsWith('<svg '));
  assert.match(html, /Which columns matter/);
  assert.ok(figure(html, 'calibration') !== undefined);
});
