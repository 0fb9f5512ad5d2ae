// Real learning on breast cancer (569 rows, 30 features, 1 = malignant): the Keras tutorial's
// network, trained on a stratified 80% (seed fixed), standardized with the training statistics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../../src/index.js';
import { accuracyOf, prepareSplit } from './datasets.js';

test('a 2×32 relu network reaches test accuracy ≥ 0.95 on breast cancer and its loss falls', async (t) => {
  const data = prepareSplit('breast_cancer', 42);
  assert.equal(data.xTrain.cols, 30);
  assert.equal(data.xTrain.rows + data.xTest.rows, 569);
  nn.setSeed(42);
  const model = nn.sequential([
    nn.layers.dense({ units: 32, activation: 'relu', inputShape: [30] }),
    nn.layers.dense({ units: 32, activation: 'relu' }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: 'rmsprop', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(data.xTrain, data.yTrain, { epochs: 20, batchSize: 32, verbose: 0 });

  const loss = history.history.loss;
  assert.equal(loss.length, 20);
  assert.ok(loss[19] < loss[0] / 4, `training loss should fall well below its start: ${loss[0]} → ${loss[19]}`);

  const testAccuracy = accuracyOf(model.predictClasses(data.xTest), data.yTest);
  const scores = model.evaluate(data.xTest, data.yTest);
  t.diagnostic(`breast cancer: test accuracy ${testAccuracy.toFixed(4)} (${data.xTest.rows} rows), ` +
    `test loss ${scores.loss.toFixed(4)}, training loss ${loss[0].toFixed(4)} → ${loss[19].toFixed(4)}`);
  assert.ok(testAccuracy >= 0.95, `test accuracy ${testAccuracy} < 0.95`);
  // evaluate's 'accuracy' (threshold 0.5 over the whole set) counts the same hits as predictClasses.
  assert.ok(Math.abs(scores.accuracy - testAccuracy) < 1e-9, `evaluate accuracy ${scores.accuracy} vs ${testAccuracy}`);
});
