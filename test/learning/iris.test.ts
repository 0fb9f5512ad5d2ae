// Real multi-class learning on iris (150 rows, 4 features, 3 classes of 50): stratified 80/20
// split (seed fixed), standardized with the training statistics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../../src/index.js';
import { accuracyOf, prepareSplit } from './datasets.js';

test('a 4 → 16 relu → 3 softmax network reaches test accuracy ≥ 0.9 on iris and its loss falls', async (t) => {
  const data = prepareSplit('iris', 42);
  assert.deepEqual([0, 1, 2].map((c) => data.yTest.filter((y) => y === c).length), [10, 10, 10]);
  nn.setSeed(42);
  const model = nn.sequential([
    nn.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }),
    nn.layers.dense({ units: 3, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(data.xTrain, data.yTrain, { epochs: 100, batchSize: 16, verbose: 0 });

  const loss = history.history.loss;
  const testAccuracy = accuracyOf(model.predictClasses(data.xTest), data.yTest);
  t.diagnostic(`iris: test accuracy ${testAccuracy.toFixed(4)} (${data.xTest.rows} rows), training loss ${loss[0].toFixed(4)} → ${loss[99].toFixed(4)}`);
  assert.ok(testAccuracy >= 0.9, `test accuracy ${testAccuracy} < 0.9`);
  assert.ok(loss[99] < loss[0] / 4, `training loss should fall well below its start: ${loss[0]} → ${loss[99]}`);
});
