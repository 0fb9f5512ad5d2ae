// Models saved in format version 1 (test/fixtures/models, written before the typed sections)
// still load: the same predictions, threshold, feature names, doctor state and optimizer.
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as nn from './index.js';

const FIXTURE = 'test/fixtures/models/v1-model';

test('a version-1 model folder loads with its predictions, threshold, names and doctor state', async () => {
  const expected = JSON.parse(await readFile('test/fixtures/models/v1-model-predictions.json', 'utf8'));
  const model = await nn.loadModel(FIXTURE);
  assert.deepEqual(Array.from(model.predict(expected.inputs, { verbose: 0 }).data), expected.outputs);
  assert.equal(model.threshold, 0.4);
  assert.deepEqual(model.featureNames, ['a', 'b', 'c']);
  assert.deepEqual(model.metadata, { owner: 'fixture' });
  assert.deepEqual(model.doctor.silence, ['unscaled-features']);
  assert.equal(model.optimizer?.iterations, expected.iterations);
  model.predict([[40, 0, 0]], { verbose: 0 });
  const drift = model.diagnostics.find((d) => d.code === 'feature-drift');
  assert.ok(drift && drift.message.includes('"a"'), 'drift is checked against the saved ranges, by column name');
});

test('a version-1 model saved again is written in the current format and loads the same', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nnkit-legacy-'));
  try {
    const model = await nn.loadModel(FIXTURE);
    await model.save(dir, { includeOptimizer: true });
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    assert.equal(json.formatVersion, 2);
    assert.deepEqual(json.featureNames, ['a', 'b', 'c']);
    assert.deepEqual(json.metadata, { owner: 'fixture' });
    const again = await nn.loadModel(dir);
    const x = [[0.3, -0.1, 0.5]];
    assert.deepEqual(again.predict(x).data, model.predict(x).data);
    assert.deepEqual(again.doctor.featureStats, model.doctor.featureStats);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
