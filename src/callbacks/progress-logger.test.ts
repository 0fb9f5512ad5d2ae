import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressLogger } from './progress-logger.js';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { write: (s: string) => void chunks.push(s), isTTY }, text: () => chunks.join(''), chunks };
}

test('on a terminal, verbose 1 redraws one bar in place and ends each epoch with a Keras-style line', () => {
  const { out, text } = capture(true);
  const logger = new ProgressLogger(1, 2, 3, out);
  logger.onEpochBegin(0);
  for (let b = 0; b < 3; b++) logger.onBatchEnd(b, { loss: 0.5, size: 32 });
  logger.onEpochEnd(0, { loss: 0.5, accuracy: 0.75, val_loss: 0.6 });
  const output = text();
  assert.match(output, /^Epoch 1\/2\n/);
  assert.match(output, /\r3\/3 ━+ .*loss: 0\.5000/);
  assert.match(output, /3\/3 ━{20} \d+s \d+ms\/step - loss: 0\.5000 - accuracy: 0\.7500 - val_loss: 0\.6000\x1b\[K\n$/);
});

test('when not a terminal, verbose 1 and 2 print one plain line per epoch with no carriage returns', () => {
  for (const verbose of [1, 2] as const) {
    const { out, text } = capture(false);
    const logger = new ProgressLogger(verbose, 1, 2, out);
    logger.onEpochBegin(0);
    logger.onBatchEnd(0, { loss: 1, size: 4 });
    logger.onBatchEnd(1, { loss: 1, size: 4 });
    logger.onEpochEnd(0, { loss: 1 });
    assert.doesNotMatch(text(), /\r/);
    assert.equal(text().split('\n').filter(Boolean).length, 2, text());
  }
});
