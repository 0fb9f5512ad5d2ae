import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';

test('fit yields to the event loop during an epoch, so timers fire while it trains', async () => {
  nn.setSeed(1);
  const random = new nn.Random(2);
  const rows = 20_000;
  const x = nn.tensor(Float32Array.from({ length: rows * 16 }, () => random.normal()), [rows, 16]);
  const y = Float32Array.from({ length: rows }, (_, i) => (x.data[i * 16] > 0 ? 1 : 0));
  const model = nn.sequential([
    nn.layers.dense({ units: 64, activation: 'relu', inputShape: [16] }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
  let batchesAtFirstTick = -1;
  let batches = 0;
  setTimeout(() => {
    batchesAtFirstTick = batches;
  }, 0);
  await model.fit(x, y, {
    epochs: 3, batchSize: 8, verbose: 0,
    callbacks: [{ onBatchEnd: () => void batches++ }],
  });
  assert.ok(batchesAtFirstTick > 0, 'the timer fired only after fit, or before any batch');
  assert.ok(batchesAtFirstTick < batches, `the timer fired during training (after ${batchesAtFirstTick} of ${batches} batches)`);
});
