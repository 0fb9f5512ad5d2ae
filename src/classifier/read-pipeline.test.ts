import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FormatError } from '../errors.js';
import { JsonReader } from '../utils/json-reader.js';
import { legacyPipeline } from './legacy-pipeline.js';
import { readPipeline } from './read-pipeline.js';

// A real saved description: the version 1 fixture's metadata, and the same as a version 2 section.
const metadata = JSON.parse(readFileSync('test/fixtures/classifier-v1/model.json', 'utf8')).metadata;
const section = () => structuredClone({ ...metadata.classifier, version: 2, preprocessor: metadata.preprocessor });

function read(value: unknown) {
  const reader = new JsonReader(value, 'churn/model.json', 'pipeline', 'train and save it again');
  return readPipeline(reader, reader.field('preprocessor'), 2);
}

/** Asserts that reading fails with exactly this message. */
function failsWith(value: unknown, message: string): void {
  assert.throws(() => read(value), (error: unknown) => error instanceof FormatError && error.message === message);
}

test('the pipeline reader returns every field of a valid section, typed', () => {
  const pipeline = read(section());
  assert.equal(pipeline.task, 'binary');
  assert.deepEqual(pipeline.classNames, ['no', 'yes']);
  assert.equal(pipeline.preprocessor.columns.length, 6);
  assert.equal(pipeline.training.settings.classWeight, 'balanced');
  assert.equal(pipeline.threshold?.objective, 'recall>=0.8');
  assert.deepEqual(read(JSON.parse(JSON.stringify(pipeline))), pipeline);
});

test('a bad field fails with its path, what was expected and what it holds', () => {
  const names = section();
  names.classNames[1] = 3;
  failsWith(names, 'churn/model.json: pipeline.classNames[1]: expected a string, got 3; train and save it again.');

  const task = section();
  task.task = 'regression';
  failsWith(task, 'churn/model.json: pipeline.task: expected "binary" or "multiclass", got "regression"; train and save it again.');

  const epochs = section();
  epochs.training.settings.epochs = -3;
  failsWith(epochs, 'churn/model.json: pipeline.training.settings.epochs: expected a positive integer, got -3; train and save it again.');

  const counts = section();
  counts.data.classCounts = [218];
  failsWith(counts, 'churn/model.json: pipeline.data.classCounts: expected 2 row counts, one per class, got an array of length 1; train and save it again.');

  const threshold = section();
  delete threshold.threshold;
  failsWith(threshold, 'churn/model.json: pipeline.threshold: expected the threshold choice { objective, value, rule }, got undefined; train and save it again.');

  const version = section();
  version.version = 1;
  failsWith(version, 'churn/model.json: pipeline.version: expected version 2, got 1; train and save it again.');
});

test('a bad preprocessing field is reported under the pipeline path', () => {
  const value = section();
  value.preprocessor.columns[0].std = 'wide';
  assert.throws(
    () => read(value),
    (error: unknown) =>
      error instanceof FormatError &&
      error.message.startsWith('churn/model.json: The preprocessor configuration is invalid: pipeline.preprocessor.columns[0].std is "wide"'),
  );
});

test('saved numbers out of their range are refused with the path of the field', () => {
  const fails = (change: (value: any) => void, message: string) => {
    const value = section();
    change(value);
    failsWith(value, `churn/model.json: ${message}; train and save it again.`);
  };
  fails((v) => (v.threshold.value = 2), 'pipeline.threshold.value: expected a finite number in [0, 1], got 2');
  fails((v) => (v.testMetrics.accuracy = 1.5), 'pipeline.testMetrics.accuracy: expected a finite number in [0, 1], got 1.5');
  fails((v) => (v.testMetrics.loss = -1), 'pipeline.testMetrics.loss: expected a finite number ≥ 0, got -1');
  fails((v) => (v.data.classCounts = [200, 82]), 'pipeline.data.classCounts: expected row counts adding up to data.rows (300), got an array of length 2');
  fails((v) => (v.data.classCounts = [300, 0]), 'pipeline.data.classCounts[1]: expected a positive integer, got 0');
  fails((v) => (v.split.test = 61), 'pipeline.split: expected train, validation and test rows adding up to data.rows (300), got an object');
  fails((v) => (v.data.featureColumns[0] = 'years'), 'pipeline.data.featureColumns: expected the preprocessor\'s input columns ("age", "monthly_spend", "plan", "region", "autopay", "support_calls"), got an array of length 6');
  fails((v) => (v.training.settings.dropout = 1), 'pipeline.training.settings.dropout: expected a number from 0 up to (not including) 1, got 1');
  fails((v) => (v.training.settings.testSplit = 1), 'pipeline.training.settings.testSplit: expected a number from 0 up to (not including) 1, got 1');
  fails((v) => (v.training.settings.learningRate = 0), 'pipeline.training.settings.learningRate: expected a number above 0, got 0');
  fails((v) => (v.training.bestEpoch = 40), 'pipeline.training.bestEpoch: expected an epoch index below epochsRun (40), got 40');
  fails((v) => (v.training.epochsRun = 41), 'pipeline.training.epochsRun: expected at most training.settings.epochs (40) epochs, got 41');
  fails((v) => v.training.history.loss.pop(), 'pipeline.training.history.loss: expected one value per epoch run (40), got an array of length 39');
  fails((v) => (v.positiveClass.value = 'no'), 'pipeline.positiveClass.value: expected the positive class, the last class name ("yes"), got "no"');
});

test('the version 1 layout is read from the metadata, and its keys leave the user metadata', () => {
  const legacy = legacyPipeline({ ...structuredClone(metadata), mine: 1 }, 'churn/model.json', 'train and save it again')!;
  assert.deepEqual(legacy.pipeline, read(section()));
  assert.deepEqual(Object.keys(legacy.metadata).sort(), ['doctor', 'mine']);
  assert.equal(legacyPipeline({ mine: 1 }, 'churn/model.json', 'fix'), undefined);
  const broken = structuredClone(metadata);
  broken.classifier.target = 7;
  assert.throws(() => legacyPipeline(broken, 'churn/model.json', 'fix'), /^FormatError: churn\/model\.json: metadata\.classifier\.target: expected a string, got 7; fix\.$/);
});
