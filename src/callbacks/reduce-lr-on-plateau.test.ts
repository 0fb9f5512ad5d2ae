// ReduceLROnPlateau against Keras 3's keras/src/callbacks/reduce_lr_on_plateau.py: the logged
// learning_rate is the rate the epoch trained with; after `patience` epochs without an
// improvement larger than minDelta the rate is multiplied by factor (not below minLr), then
// `cooldown` epochs pass (the counter is decremented at the start of each epoch) before wait
// counts again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import { fakeModel, replay } from '../../test/helpers/fake-training-model.js';
import { ConfigError } from '../errors.js';
import { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from './reduce-lr-on-plateau.js';

async function rates(args: ReduceLROnPlateauArgs, values: number[], learningRate = 1) {
  const model = fakeModel({ learningRate });
  const callback = new ReduceLROnPlateau({ monitor: 'score', ...args });
  const { logs } = await replay(callback, model, args.monitor ?? 'score', values);
  return { logged: logs.map((l) => l.learning_rate), final: model.optimizer.learningRate };
}

describe('reduceLROnPlateau', () => {
  it('multiplies the rate by factor after patience epochs without improvement', async () => {
    const values = [1, 1, 1, 0.5, 0.5, 0.5, 0.5];
    const { logged, final } = await rates({ patience: 2, factor: 0.5, minDelta: 0 }, values);
    assert.deepEqual(logged, [1, 1, 1, 0.5, 0.5, 0.5, 0.25]);
    assert.equal(final, 0.25);
  });

  it('uses Keras defaults: factor 0.1, patience 10, minDelta 1e-4', async () => {
    const values = new Array(12).fill(1);
    const { logged } = await rates({}, values);
    assertAllClose(logged, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.1], { rtol: 1e-12 });
    // An improvement smaller than minDelta does not count.
    const slow = await rates({ patience: 1 }, [1, 1 - 5e-5, 1 - 2e-4]);
    assertAllClose(slow.logged, [1, 1, 0.1], { rtol: 1e-12 });
  });

  it('waits `cooldown` epochs after a reduction, counting the epoch of the decrement', async () => {
    const values = [1, 1, 1, 1, 1, 1];
    const { logged, final } = await rates({ patience: 1, factor: 0.5, cooldown: 2 }, values);
    assert.deepEqual(logged, [1, 1, 0.5, 0.5, 0.25, 0.25]);
    assert.equal(final, 0.125);
    const noEffect = await rates({ patience: 1, factor: 0.5, cooldown: 1 }, [1, 1, 1]);
    assert.deepEqual(noEffect.logged, [1, 1, 0.5], 'cooldown 1 ends before the next epoch (Keras)');
  });

  it('never goes below minLr', async () => {
    const options = { patience: 1, factor: 0.1, minLr: 0.05 };
    const { logged, final } = await rates(options, [1, 1, 1, 1], 0.1);
    assert.deepEqual(logged, [0.1, 0.1, 0.05, 0.05]);
    assert.equal(final, 0.05);
  });

  it('maximizes accuracy-like quantities in mode auto and honours mode max', async () => {
    const options = { monitor: 'val_accuracy', patience: 1, factor: 0.5 };
    const { logged } = await rates(options, [0.5, 0.6, 0.7, 0.65]);
    assert.deepEqual(logged, [1, 1, 1, 1]);
    const max = await rates({ mode: 'max', patience: 1, factor: 0.5 }, [0.5, 0.4, 0.3]);
    assert.deepEqual(max.logged, [1, 1, 0.5]);
  });

  // NOTE: Keras 3 resets `best` too since keras-team/keras#22967.
  it('starts afresh when reused for another fit', async () => {
    const callback = new ReduceLROnPlateau({ monitor: 'score', patience: 1, factor: 0.5 });
    await replay(callback, fakeModel(), 'score', [0.1, 0.1]);
    const second = fakeModel();
    await replay(callback, second, 'score', [0.5, 0.4, 0.3]);
    const rate = second.optimizer.learningRate;
    assert.equal(rate, 1, 'improving epochs are not judged against the old best');
  });

  it('refuses an optimizer that follows a learning-rate schedule', async () => {
    const callback = new ReduceLROnPlateau({ monitor: 'score' });
    const scheduled = fakeModel({ usesSchedule: true });
    await assert.rejects(replay(callback, scheduled, 'score', [1]), ConfigError);
  });

  it('rejects a factor of 1 or more', () => {
    assert.throws(() => new ReduceLROnPlateau({ factor: 1 }), ConfigError);
  });
});
