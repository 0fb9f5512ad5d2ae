import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../data/parse-csv.js';
import { ConfigError, DataError } from '../errors.js';
import { fitClassifier } from './fit-classifier.js';
import { trainClassifier } from './train-classifier.js';

test('errors about the data name the option to change, as the library spells it or as told', async () => {
  const tiny = parseCsv('a,label\n1,0\n2,1\n3,0\n4,1\n', { file: 'tiny.csv' });
  await assert.rejects(
    trainClassifier(tiny),
    (error: unknown) =>
      error instanceof DataError &&
      error.code === 'data/split-missing-class' &&
      /^tiny\.csv: the 1 validation row of the stratified split holds no row of class "1" .* or make validationSplit larger\.$/.test(error.message),
  );
  await assert.rejects(fitClassifier(tiny, {}, (option) => `--${option}`), /or make --validationSplit larger\.$/);
  const iris = parseCsv(readFileSync('data/iris.csv', 'utf8'));
  await assert.rejects(
    trainClassifier(iris, { threshold: 0.3 }),
    (error: unknown) => error instanceof ConfigError && /^threshold applies to two-class targets, but "label" has 3 classes .*; leave threshold out\.$/.test(error.message),
  );
  await assert.rejects(trainClassifier(parseCsv('a,b\n1,2\n', { target: null })), /trainClassifier needs a labelled table/);
  await assert.rejects(trainClassifier(iris, { epocs: 3 } as never), /trainClassifier has no option "epocs"/);
});

test('a three-class target trains a softmax classifier with no threshold and per-class results', async () => {
  const iris = parseCsv(readFileSync('data/iris.csv', 'utf8'), { file: 'iris.csv' });
  const clf = await trainClassifier(iris, { epochs: 30, seed: 3 });
  assert.equal(clf.task, 'multiclass');
  assert.equal(clf.pipeline.threshold, undefined);
  assert.equal(clf.trainingRun!.threshold, undefined);
  const test = clf.trainingRun!.test;
  assert.equal(test.task === 'multiclass' && test.report.rows.length, 3);
  assert.equal(clf.predictProbabilities([{ sepal_length_cm: 5.1, sepal_width_cm: 3.5, petal_length_cm: 1.4, petal_width_cm: 0.2 }]).cols, 3);
  assert.ok(clf.trainingRun!.warnings.some((warning) => warning.code === 'training/no-early-stop' && /more epochs\.$/.test(warning.message)));
});
