import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rawColumnsFromRows, type RawColumns } from '../data/table.js';
import { Random } from '../random/random.js';
import { loadClassifier } from './load-classifier.js';
import { chunkParts, trainClassifierStream } from './train-classifier-stream.js';

const names = ['x1', 'x2', 'city', 'label'];
const random = new Random(4);
const rows = Array.from({ length: 1200 }, () => {
  const x1 = random.normal();
  const x2 = random.normal();
  const city = ['north', 'south', 'east'][random.int(3)];
  return [x1.toFixed(3), random.uniform() < 0.05 ? 'NA' : x2.toFixed(3), city, x1 + 0.5 * x2 + (city === 'north' ? 0.5 : 0) > 0 ? 'yes' : 'no'];
});

async function* batches(): AsyncGenerator<RawColumns> {
  for (let start = 0; start < rows.length; start += 50) yield rawColumnsFromRows(names, rows.slice(start, start + 50));
}

test('chunkParts gives testSplit of the batches to testing and validationSplit of the rest to validation', () => {
  const partOf = chunkParts(0.2, 0.25);
  const parts = Array.from({ length: 20 }, (_, i) => partOf(i));
  assert.equal(parts.filter((p) => p === 'test').length, 4);
  assert.equal(parts.filter((p) => p === 'validation').length, 4);
  assert.deepEqual(parts.slice(0, 5), ['train', 'train', 'train', 'validation', 'test']);
});

test('trainClassifierStream trains, scores the held-out batches and saves a classifier that loads', async () => {
  const option = (name: string) => name;
  const classifier = await trainClassifierStream(batches, { epochs: 4, hidden: [8], batchSize: 32, shuffleBuffer: 200, file: 'rows.csv' }, option);
  const { split, data, preprocessor } = classifier.pipeline;
  assert.deepEqual(split, { train: 750, validation: 250, test: 200, seed: 42 });
  assert.equal(data.rows, 1200);
  assert.deepEqual(preprocessor.columns.map((c) => c.kind), ['numeric', 'numeric', 'categorical']);
  const run = classifier.trainingRun!;
  assert.equal(run.history.epoch.length, 4);
  assert.ok(run.test.task === 'binary' && run.test.rows === 200 && (run.test.evaluation.rocAuc ?? 0) > 0.8, 'learns the rule');
  const loaded = await loadClassifier(classifier.toBytes());
  assert.deepEqual(loaded.predict([{ x1: '2', x2: '1', city: 'north' }]), ['yes']);
});
