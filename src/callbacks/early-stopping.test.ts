// EarlyStopping against Keras 3's keras/src/callbacks/early_stopping.py: wait counts every
// monitored epoch and resets on an improvement (beating best by more than minDelta) that also
// beats the baseline; training stops once wait ≥ patience (never at epoch 0); restoreBestWeights
// restores the best epoch's weights when training ends, stopped early or not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeModel, replay } from '../../test/helpers/fake-training-model.js';
import { ConfigError } from '../errors.js';
import { EarlyStopping, type EarlyStoppingArgs } from './early-stopping.js';

async function run(
  args: EarlyStoppingArgs, values: number[], directions?: Record<string, 'up' | 'down'>,
) {
  const callback = new EarlyStopping({ monitor: 'score', mode: 'min', ...args });
  const model = fakeModel({ directions });
  const result = await replay(callback, model, args.monitor ?? 'score', values);
  return { ...result, callback, restored: model.weightsFromEpoch() };
}

describe('earlyStopping', () => {
  it('stops once patience epochs pass without improvement', async () => {
    const { epochsRun, callback } = await run({ patience: 2 }, [1, 0.9, 0.95, 0.95, 0.8, 0.7]);
    assert.equal(epochsRun, 4);
    assert.equal(callback.stoppedEpoch, 3);
    assert.equal(callback.bestEpoch, 1);
  });

  it('with patience 0 stops at the first non-improving epoch (never at epoch 0)', async () => {
    assert.equal((await run({ patience: 0 }, [1, 0.5, 0.6, 0.4])).epochsRun, 3);
    assert.equal((await run({ patience: 0 }, [1])).epochsRun, 1);
  });

  it('counts an improvement only when it beats the best by more than minDelta', async () => {
    // 0.95 is not 0.1 better than 1; 0.85 is (0.85 + 0.1 < 1).
    assert.equal((await run({ patience: 1, minDelta: 0.1 }, [1, 0.95, 0.85, 0.8])).epochsRun, 2);
    const values = [1, 0.95, 0.85, 0.8, 0.79, 0.78];
    const { epochsRun, callback } = await run({ patience: 2, minDelta: 0.1 }, values);
    assert.equal(epochsRun, 5);
    assert.equal(callback.bestEpoch, 2);
    assert.equal(callback.best, 0.85);
  });

  it('treats a negative minDelta as its absolute value, as Keras does', async () => {
    assert.equal((await run({ patience: 1, minDelta: -0.1 }, [1, 0.95, 0.85, 0.8])).epochsRun, 2);
  });

  it('with a baseline, keeps counting while improvements do not beat the baseline', async () => {
    // Keras: an improvement that misses the baseline does not reset wait, but the epoch itself
    // never triggers the stop; the first non-improving epoch then does.
    const withBaseline = await run({ patience: 2, baseline: 0.5 }, [0.9, 0.95, 0.97, 0.99]);
    assert.equal(withBaseline.epochsRun, 2);
    const without = await run({ patience: 2 }, [0.9, 0.95, 0.97, 0.99]);
    assert.equal(without.epochsRun, 3);
    const steady = await run({ patience: 2, baseline: 0.5 }, [0.9, 0.8, 0.7, 0.6]);
    assert.equal(steady.epochsRun, 4, 'epochs that improve never stop training');
    const beaten = await run({ patience: 2, baseline: 0.5 }, [0.9, 0.4, 0.45, 0.45, 0.45]);
    assert.equal(beaten.epochsRun, 4, 'beating the baseline resets wait');
  });

  it('restores the best epoch\'s weights when it stops', async () => {
    const values = [0.5, 0.3, 0.4, 0.45, 0.1];
    const { restored, epochsRun } = await run({ patience: 2, restoreBestWeights: true }, values);
    assert.equal(epochsRun, 4);
    assert.equal(restored, 1);
  });

  it('restores the best weights even when training ends without stopping (Keras 3)', async () => {
    const values = [0.5, 0.3, 0.4];
    const { restored, epochsRun } = await run({ patience: 5, restoreBestWeights: true }, values);
    assert.equal(epochsRun, 3);
    assert.equal(restored, 1);
  });

  it('leaves the last weights without restoreBestWeights', async () => {
    assert.equal((await run({ patience: 2 }, [0.5, 0.3, 0.4, 0.45])).restored, 3);
  });

  it('maximizes in mode max and in mode auto for a metric whose direction is up', async () => {
    assert.equal((await run({ patience: 1, mode: 'max' }, [0.5, 0.6, 0.55, 0.7])).epochsRun, 3);
    const values = [0.5, 0.6, 0.55, 0.7];
    const accuracy = {
      monitor: 'val_accuracy', mode: 'auto' as const, patience: 1, restoreBestWeights: true,
    };
    const auto = await run(accuracy, values, { accuracy: 'up' });
    assert.equal(auto.epochsRun, 3);
    assert.equal(auto.restored, 1);
    const byName = await run({ monitor: 'val_auc', mode: 'auto', patience: 1 }, values);
    assert.equal(byName.epochsRun, 3, 'auc-like names are maximized');
    const loss = await run({ monitor: 'val_loss', mode: 'auto', patience: 1 }, values);
    assert.equal(loss.epochsRun, 2, 'val_loss is minimized');
  });

  it('ignores epochs before startFromEpoch', async () => {
    const values = [0.1, 0.2, 0.5, 0.6, 0.4];
    const { epochsRun, callback } = await run({ patience: 1, startFromEpoch: 2 }, values);
    assert.equal(epochsRun, 4);
    assert.equal(callback.bestEpoch, 2);
  });

  // NOTE: Keras 3 resets `best` too since keras-team/keras#20533.
  it('starts afresh when reused for another fit', async () => {
    const callback = new EarlyStopping({ monitor: 'score', mode: 'min', patience: 1 });
    await replay(callback, fakeModel(), 'score', [0.1, 0.2]);
    const second = await replay(callback, fakeModel(), 'score', [0.5, 0.4, 0.45]);
    assert.equal(second.epochsRun, 3);
  });

  it('reports a monitored key that is not logged, naming the keys that are', async () => {
    const callback = new EarlyStopping({ monitor: 'val_loss' });
    await assert.rejects(replay(callback, fakeModel(), 'loss', [1]), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /"val_loss"/);
      assert.match(error.message, /"loss"/);
      return true;
    });
  });

  it('rejects a negative or fractional patience', () => {
    assert.throws(() => new EarlyStopping({ patience: -1 }), ConfigError);
    assert.throws(() => new EarlyStopping({ patience: 1.5 }), ConfigError);
  });
});
