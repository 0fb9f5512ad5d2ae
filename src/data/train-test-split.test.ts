import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, ShapeError } from '../errors.js';
import { setSeed } from '../random/random.js';
import { tensor } from '../tensor/tensor.js';
import { toCategorical } from './to-categorical.js';
import { trainTestSplit } from './train-test-split.js';

const x = Array.from({ length: 50 }, (_, i) => [i, -i]);
const y = Array.from({ length: 50 }, (_, i) => (i < 40 ? 0 : 1));

test('trainTestSplit keeps rows of x and y together and splits 80 / 20 by default', () => {
  const { xTrain, xTest, yTrain, yTest } = trainTestSplit(x, y, { seed: 3 });
  assert.deepEqual(xTrain.shape, [40, 2]);
  assert.deepEqual(xTest.shape, [10, 2]);
  assert.deepEqual(yTest.shape, [10]);
  for (const [xs, ys] of [[xTrain, yTrain], [xTest, yTest]] as const) {
    for (let r = 0; r < xs.rows; r++) {
      const row = xs.data[r * 2];
      assert.equal(xs.data[r * 2 + 1], -row);
      assert.equal(ys.data[r], row < 40 ? 0 : 1);
    }
  }
  const seen = [...xTrain.data.filter((_, i) => i % 2 === 0), ...xTest.data.filter((_, i) => i % 2 === 0)].sort((a, b) => a - b);
  assert.deepEqual(seen, x.map((row) => row[0]));
});

test('a stratified split keeps the class shares, also for one-hot labels', () => {
  const { yTest } = trainTestSplit(x, y, { seed: 5, stratify: true });
  assert.equal(yTest.data.reduce((a, b) => a + b, 0), 2);
  const oneHot = trainTestSplit(x, toCategorical(y), { seed: 5, stratify: true });
  assert.deepEqual(oneHot.yTest.shape, [10, 2]);
  assert.equal(oneHot.yTest.data.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0), 2);
});

test('without a seed the split follows nn.setSeed', () => {
  setSeed(11);
  const a = trainTestSplit(x, y);
  setSeed(11);
  const b = trainTestSplit(x, y);
  assert.deepEqual(a.xTest.data, b.xTest.data);
});

test('shuffle: false puts the last rows in the test part; testSize may be a row count', () => {
  const { xTest } = trainTestSplit(tensor(new Float32Array([0, 1, 2, 3, 4]), [5, 1]), [0, 0, 1, 1, 1], { shuffle: false, testSize: 2 });
  assert.deepEqual([...xTest.data], [3, 4]);
});

test('trainTestSplit rejects mismatched rows and a bad testSize', () => {
  assert.throws(() => trainTestSplit(x, y.slice(1)), ShapeError);
  assert.throws(() => trainTestSplit(x, y, { testSize: 1.5 }), ConfigError);
  assert.throws(() => trainTestSplit(x, y, { testSize: 50 }), ConfigError);
});
