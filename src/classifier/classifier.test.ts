import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { setModelStorage } from '../model/model-storage.js';
import { fileStorage } from '../node/file-storage.js';
import { readCsvBatches } from '../node/read-csv-batches.js';
import type { Classifier } from './classifier.js';
import { loadClassifier } from './load-classifier.js';
import { trainClassifier } from './train-classifier.js';

// The churn fixture: numeric, categorical and boolean columns with missing values ("", NA, ?),
// the target in the middle; new rows with unseen categories. A short run is enough here.
const TRAIN = 'test/fixtures/cli/customers.csv';
const NEW = 'test/fixtures/cli/customers-new.csv';
const OPTIONS = { epochs: 8, hidden: [8], seed: 7 };

/** The CSV text as object rows, as an application would hold them: numbers, booleans, null. */
function objectRows(text: string): Record<string, unknown>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) =>
    Object.fromEntries(
      line.split(',').map((cell, c) => {
        const value = cell === '' || cell === 'NA' || cell === '?' ? null : /^[\d.]+$/.test(cell) ? Number(cell) : cell === 'yes' ? true : cell === 'no' ? false : cell;
        return [names[c], value];
      }),
    ),
  );
}

describe('a classifier trained on a table', () => {
  let clf: Classifier;
  let trainText: string;
  let newText: string;

  before(async () => {
    trainText = await readFile(TRAIN, 'utf8');
    newText = await readFile(NEW, 'utf8');
    clf = await trainClassifier(parseCsv(trainText, { target: 'churned', file: TRAIN }), OPTIONS);
  });

  test('keeps the run as data: split, history, threshold, test results, warnings', () => {
    const run = clf.trainingRun!;
    assert.deepEqual([run.split.train.length, run.split.validation.length, run.split.test.length], [180, 60, 60]);
    assert.equal(run.history.epoch.length, 8);
    assert.equal(run.threshold?.value, clf.threshold);
    assert.equal(run.test.task, 'binary');
    assert.equal(run.test.rows, 60);
    assert.ok(run.warnings.some((warning) => warning.code === 'data/positive-class'));
    assert.deepEqual(clf.classNames, ['no', 'yes']);
    assert.equal(clf.pipeline.data.file, TRAIN);
    assert.deepEqual(clf.pipeline.training.settings.hidden, [8]);
    assert.equal(clf.model.featureNames?.[0], 'age');
  });

  test('predicts object rows exactly as it predicts the CSV batches nnkit predict streams', async () => {
    const fromObjects = clf.predictProbabilities(objectRows(newText), { verbose: 0 }).data;
    const fromBatches: number[] = [];
    for await (const batch of readCsvBatches(NEW, { batchSize: 3 })) {
      fromBatches.push(...clf.predictBatch(batch, { verbose: 0 }).probabilities.data);
    }
    assert.equal(fromObjects.length, 4);
    fromObjects.forEach((p, row) => assert.ok(Object.is(p, fromBatches[row]), `row ${row}: ${p} vs ${fromBatches[row]}`));
    const names = clf.predict(objectRows(newText), { verbose: 0 });
    assert.deepEqual(names, Array.from(fromObjects, (p) => (p > clf.threshold ? 'yes' : 'no')));
  });

  test('takes columns by name and tables alike, and ignores the target column', () => {
    const rows = objectRows(trainText);
    const columns = Object.fromEntries(Object.keys(rows[0]).map((name) => [name, rows.map((row) => row[name])]));
    const table = parseCsv(trainText, { target: 'churned', columnTypes: clf.columnTypes() });
    const expected = clf.predictProbabilities(rows, { verbose: 0 }).data;
    assert.deepEqual(clf.predictProbabilities(columns, { verbose: 0 }).data, expected);
    assert.deepEqual(clf.predictProbabilities(table, { verbose: 0 }).data, expected);
  });

  test("evaluate on the test rows gives the training run's test results", () => {
    const lines = trainText.trimEnd().split('\n');
    const testText = [lines[0], ...Array.from(clf.trainingRun!.split.test, (row) => lines[row + 1])].join('\n');
    const evaluation = clf.evaluate(parseCsv(testText, { target: 'churned', columnTypes: clf.columnTypes() }));
    const expected = clf.trainingRun!.test;
    assert.ok(evaluation.results.task === 'binary' && expected.task === 'binary');
    assert.equal(evaluation.results.loss, expected.loss);
    assert.deepEqual(evaluation.results.evaluation.confusionMatrix, expected.evaluation.confusionMatrix);
    assert.equal(evaluation.results.evaluation.rocAuc, expected.evaluation.rocAuc);
    assert.deepEqual(evaluation.results.intervals, expected.intervals);
    assert.equal(evaluation.classCounts.reduce((a, b) => a + b, 0), 60);
  });

  test("the model doctor's drift warnings name the input column", () => {
    const row = { age: 900, monthly_spend: 50, plan: 'basic', region: 'north', autopay: true, support_calls: 1 };
    const before = clf.model.diagnostics.length;
    clf.predict([row], { verbose: 0 });
    const drift = clf.model.diagnostics.slice(before).filter((diagnostic) => diagnostic.stage === 'predict');
    assert.equal(drift.length, 1);
    assert.match(drift[0].message, /"age": 1 of 1 rows/);
  });

  test('toBytes and loadClassifier give a classifier that predicts bit-identically', async () => {
    const again = await loadClassifier(clf.toBytes());
    assert.deepEqual(again.pipeline, clf.pipeline);
    assert.equal(again.threshold, clf.threshold);
    assert.equal(again.trainingRun, undefined);
    const rows = objectRows(trainText);
    const before = clf.predictProbabilities(rows, { verbose: 0 }).data;
    const after = again.predictProbabilities(rows, { verbose: 0 }).data;
    before.forEach((p, row) => assert.ok(Object.is(p, after[row]), `row ${row}`));
  });

  test('save writes a folder that loadClassifier reads back', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'nnkit-classifier-'));
    after(() => rm(folder, { recursive: true, force: true }));
    setModelStorage(fileStorage);
    await clf.save(join(folder, 'churn'));
    const again = await loadClassifier(join(folder, 'churn'));
    assert.deepEqual(again.predict(objectRows(newText), { verbose: 0 }), clf.predict(objectRows(newText), { verbose: 0 }));
  });
});

test('a classifier saved in the version 1 layout loads and predicts as it did', async () => {
  setModelStorage(fileStorage);
  const legacy = await loadClassifier('test/fixtures/classifier-v1');
  // predictions.csv holds float32 probabilities as their shortest decimals, and class names.
  const lines = (await readFile('test/fixtures/classifier-v1/predictions.csv', 'utf8')).trimEnd().split('\n').slice(1);
  const expected = lines.map((line) => [Math.fround(Number(line.split(',')[0])), line.split(',')[1]]);
  const rows = parseCsv(await readFile(NEW, 'utf8'), { target: null, columnTypes: legacy.columnTypes() });
  const predicted = legacy.predictBatch(rows, { verbose: 0 });
  assert.deepEqual(Array.from(predicted.probabilities.data, (p, row) => [p, legacy.classNames[predicted.classIndices[row]]]), expected);
  assert.equal(legacy.pipeline.threshold?.rule, 'highest precision with recall ≥ 0.8 on the validation rows');
  assert.equal(legacy.model.metadata.classifier, undefined, 'the legacy keys leave the user metadata');
  const resaved = await loadClassifier(legacy.toBytes());
  assert.deepEqual(resaved.pipeline, legacy.pipeline);
});
