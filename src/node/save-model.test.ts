// Save → load round trips: predictions are bit-identical (Sequential, functional with merges,
// batch normalization's moving statistics, dropout), the training setup comes back, and training
// continues exactly as if it had never stopped when the optimizer state is saved.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBitIdentical } from '../../test/helpers/close.js';
import { binaryData } from '../../test/helpers/toy-data.js';
import { BatchNormalization } from '../layers/batch-normalization.js';
import { input } from '../layers/input-layer.js';
import { layers } from '../layers/registry.js';
import { model as functionalModel } from '../model/functional.js';
import { loadModel } from './index.js';
import type { Model } from '../model/model.js';
import { sequential } from '../model/sequential.js';
import { optimizers } from '../optimizers/get-optimizer.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { setSeed } from '../random/random.js';

const { x, y } = binaryData(48, 4, 11);
let root = '';
let count = 0;
const nextDir = () => join(root, `model-${count++}`);

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'nnkit-save-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

function sequentialModel(optimizer: string | Optimizer = 'adam'): Model {
  const m = sequential([
    layers.dense({ units: 6, activation: 'relu', inputShape: [4] }),
    layers.dropout({ rate: 0.25 }),
    layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  m.compile({ optimizer, loss: 'binary_crossentropy', metrics: ['accuracy'] });
  return m;
}

function mergingModel(optimizer: string | Optimizer = 'rmsprop'): Model {
  const inputs = input({ shape: [4] });
  const a = layers.dense({ units: 5, activation: 'tanh', kernelRegularizer: 'l2' }).apply(inputs);
  const hidden = layers.dense({ units: 5, activation: 'elu' }).apply(inputs);
  const b = layers.batchNormalization().apply(hidden);
  const sum = layers.add().apply([a, b]);
  const joined = layers.concatenate().apply([sum, layers.dropout({ rate: 0.3 }).apply(a)]);
  const outputs = layers.dense({ units: 3, activation: 'softmax' }).apply(joined);
  const m = functionalModel({ inputs, outputs, name: 'merging' });
  m.compile({ optimizer, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  return m;
}

const classes = y.map((label, i) => (label === 1 ? 1 + (i % 2) : 0));

function assertSameWeights(actual: Float32Array[], expected: Float32Array[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: weight count`);
  actual.forEach((w, i) => assertBitIdentical(w, expected[i], `${what}: weight ${i}`));
}

describe('save → load', () => {
  it('a Sequential model predicts bit-identically and keeps its training setup', async () => {
    setSeed(1);
    const m = sequentialModel();
    await m.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 });
    m.threshold = 0.35;
    m.metadata = { source: 'test', columns: ['a', 'b', 'c', 'd'] };
    const dir = nextDir();
    await m.save(dir);
    const loaded = await loadModel(dir);
    assertBitIdentical(loaded.predict(x).data, m.predict(x).data, 'predictions');
    assert.equal(loaded.constructor.name, 'Sequential');
    assert.deepEqual(loaded.layers.map((l) => l.getConfig()), m.layers.map((l) => l.getConfig()));
    assert.equal(loaded.threshold, 0.35);
    assert.deepEqual(loaded.metadata, m.metadata);
    assert.deepEqual(loaded.evaluate(x, y), m.evaluate(x, y));
    assert.deepEqual(loaded.optimizer!.getConfig(), m.optimizer!.getConfig());
  });

  it('a functional model with merges, batch norm, dropout predicts bit-identically', async () => {
    setSeed(2);
    const m = mergingModel();
    await m.fit(x, classes, { epochs: 3, batchSize: 8, verbose: 0 });
    const dir = nextDir();
    await m.save(dir);
    const loaded = await loadModel(dir);
    assertBitIdentical(loaded.predict(x).data, m.predict(x).data, 'predictions');
    assertSameWeights(loaded.getWeights(), m.getWeights(), 'weights, moving statistics included');
    const isNorm = (l: unknown): l is BatchNormalization => l instanceof BatchNormalization;
    const norm = loaded.modelGraph.layers.find(isNorm)!;
    const trained = norm.movingMean!.value.some((v) => v !== 0);
    assert.ok(trained, 'trained moving statistics, not the initial zeros');
  });

  it('writes only the model files (no temporary files left behind)', async () => {
    const m = sequentialModel();
    await m.fit(x, y, { epochs: 1, verbose: 0 });
    const dir = nextDir();
    await m.save(dir, { includeOptimizer: true });
    const names = async () => (await readdir(dir)).sort().map((name) => name.replace(/-[0-9a-f]{8}\.bin$/, '-#.bin'));
    assert.deepEqual(await names(), ['model.json', 'optimizer-#.bin', 'weights-#.bin']);
    await m.fit(x, y, { epochs: 1, verbose: 0 });
    await m.save(dir);
    assert.deepEqual(await names(), ['model.json', 'weights-#.bin'], 'saving again replaces them and removes the old ones');
  });

  const continued: { title: string; make: () => Model; labels: number[] }[] = [
    { title: 'adam', make: () => sequentialModel('adam'), labels: y },
    {
      title: 'sgd with Nesterov momentum',
      make: () =>
        sequentialModel(optimizers.sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true })),
      labels: y,
    },
    {
      title: 'centered rmsprop with momentum',
      make: () => mergingModel(optimizers.rmsprop({ momentum: 0.5, centered: true })),
      labels: classes,
    },
    {
      title: 'adamw',
      make: () => mergingModel(optimizers.adamw({ learningRate: 0.01 })),
      labels: classes,
    },
    {
      title: 'adagrad',
      make: () => sequentialModel(optimizers.adagrad({ learningRate: 0.05 })),
      labels: y,
    },
  ];
  for (const c of continued) {
    it(`training continues identically after a load with the optimizer (${c.title})`, async () => {
      // One model trains 2 + 2 epochs; the other trains 2, is saved and loaded, then trains 2 more.
      // Reseeding before the second half gives both the same shuffles and dropout masks.
      const options = { batchSize: 8, verbose: 0 as const };
      setSeed(3);
      const straight = c.make();
      await straight.fit(x, c.labels, { ...options, epochs: 2 });
      setSeed(4);
      await straight.fit(x, c.labels, { ...options, epochs: 2 });

      setSeed(3);
      const first = c.make();
      await first.fit(x, c.labels, { ...options, epochs: 2 });
      const dir = nextDir();
      await first.save(dir, { includeOptimizer: true });
      const resumed = await loadModel(dir);
      assert.equal(resumed.optimizer!.iterations, first.optimizer!.iterations);
      setSeed(4);
      await resumed.fit(x, c.labels, { ...options, epochs: 2 });
      assertSameWeights(resumed.getWeights(), straight.getWeights(), 'resumed vs uninterrupted');

      // Without the optimizer state the second half starts from a fresh optimizer and drifts.
      const withoutState = nextDir();
      await first.save(withoutState);
      const fresh = await loadModel(withoutState);
      assert.equal(fresh.optimizer!.iterations, 0);
      setSeed(4);
      await fresh.fit(x, c.labels, { ...options, epochs: 2 });
      assert.notDeepEqual(fresh.getWeights(), straight.getWeights(), 'the optimizer state matters');
    });
  }

  it('one fit of 4 epochs equals 2 epochs, save, load, 2 more (no shuffle, dropout)', async () => {
    const make = () => {
      const m = sequential([
        layers.dense({ units: 5, activation: 'tanh', inputShape: [4] }),
        layers.dense({ units: 1, activation: 'sigmoid' }),
      ]);
      m.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
      return m;
    };
    const options = { batchSize: 8, shuffle: false, verbose: 0 as const };
    setSeed(5);
    const straight = make();
    await straight.fit(x, y, { ...options, epochs: 4 });
    setSeed(5);
    const first = make();
    await first.fit(x, y, { ...options, epochs: 2 });
    const dir = nextDir();
    await first.save(dir, { includeOptimizer: true });
    const resumed = await loadModel(dir);
    await resumed.fit(x, y, { ...options, epochs: 4, initialEpoch: 2 });
    assertSameWeights(resumed.getWeights(), straight.getWeights(), 'resumed vs uninterrupted');
  });
});
