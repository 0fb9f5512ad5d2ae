// Real multi-class learning on digits (1797 8×8 images, pixels 0..16 scaled to [0, 1], 10
// classes): a softmax network on a stratified 80% (seed fixed), with one-hot and integer labels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../../src/index.js';
import { accuracyOf, oneHot, prepareSplit } from './datasets.js';

const data = prepareSplit('digits', 42, { scale: 16 });

async function train(loss: 'categorical_crossentropy' | 'sparse_categorical_crossentropy') {
  nn.setSeed(42);
  const model = nn.sequential([
    nn.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }),
    nn.layers.dense({ units: 10, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'] });
  const labels = loss === 'categorical_crossentropy' ? nn.tensor(oneHot(data.yTrain, 10), [data.yTrain.length, 10]) : data.yTrain;
  const history = await model.fit(data.xTrain, labels, { epochs: 20, batchSize: 32, verbose: 0 });
  return { model, history, testAccuracy: accuracyOf(model.predictClasses(data.xTest), data.yTest) };
}

for (const loss of ['categorical_crossentropy', 'sparse_categorical_crossentropy'] as const) {
  test(`a 64 → 64 relu → 10 softmax network reaches test accuracy ≥ 0.93 on digits with ${loss}`, async (t) => {
    const { model, history, testAccuracy } = await train(loss);
    const loss0 = history.history.loss[0];
    const lossN = history.history.loss[19];
    t.diagnostic(`digits (${loss}): test accuracy ${testAccuracy.toFixed(4)} (${data.xTest.rows} rows), ` +
      `training loss ${loss0.toFixed(4)} → ${lossN.toFixed(4)}`);
    assert.ok(testAccuracy >= 0.93, `test accuracy ${testAccuracy} < 0.93`);
    assert.ok(lossN < loss0 / 4, `training loss should fall well below its start: ${loss0} → ${lossN}`);
    // Each row's ten probabilities sum to 1 and predictClasses is their argmax.
    const probabilities = model.predict(data.xTest).data;
    for (let i = 0; i < data.xTest.rows; i++) {
      const row = probabilities.subarray(i * 10, (i + 1) * 10);
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    }
  });
}

test('one-hot labels with categorical_crossentropy and integer labels with the sparse loss train to the same weights', async () => {
  const dense = await train('categorical_crossentropy');
  const sparse = await train('sparse_categorical_crossentropy');
  const a = dense.model.getWeights();
  const b = sparse.model.getWeights();
  assert.equal(a.length, b.length);
  let max = 0;
  a.forEach((values, i) => values.forEach((v, k) => (max = Math.max(max, Math.abs(v - b[i][k])))));
  assert.ok(max <= 1e-6, `weights differ by up to ${max}`);
  assert.equal(dense.testAccuracy, sparse.testAccuracy);
});
