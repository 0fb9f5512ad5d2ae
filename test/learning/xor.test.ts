// XOR: the smallest problem a linear model cannot solve; a hidden layer must learn it exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../../src/index.js';

test('a 2 → 8 tanh → 1 sigmoid network learns XOR: all four points right, confidently', async (t) => {
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const y = [0, 1, 1, 0];
  nn.setSeed(42);
  const model = nn.sequential([
    nn.layers.dense({ units: 8, activation: 'tanh', inputShape: [2] }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(x, y, { epochs: 300, batchSize: 4, verbose: 0 });

  assert.deepEqual(Array.from(model.predictClasses(x)), y);
  const probabilities = Array.from(model.predict(x).data);
  t.diagnostic(`xor: probabilities ${probabilities.map((p) => p.toFixed(4)).join(', ')}`);
  probabilities.forEach((p, i) => assert.ok(Math.abs(p - y[i]) < 0.1, `point ${i}: probability ${p} for label ${y[i]}`));
  assert.equal(history.history.accuracy[299], 1);
  assert.ok(history.history.loss[299] < 0.05, `final loss ${history.history.loss[299]}`);
});
