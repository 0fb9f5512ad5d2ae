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
    (error: unknown) => error instanceof FormatError && error.message.startsWith('churn/model.json: pipeline.preprocessor: ') && /std/.test(error.message),
  );
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
