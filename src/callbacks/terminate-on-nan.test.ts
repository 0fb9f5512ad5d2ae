import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeModel } from '../../test/helpers/fake-training-model.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

describe('terminateOnNaN', () => {
  for (const loss of [Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`stops training at a batch whose loss is ${loss}`, () => {
      const callback = new TerminateOnNaN();
      const model = fakeModel();
      callback.setModel(model);
      callback.onBatchEnd(0, { loss: 0.7 });
      assert.equal(model.stopTraining, false);
      const log = console.log;
      console.log = () => {};
      try {
        callback.onBatchEnd(1, { loss });
      } finally {
        console.log = log;
      }
      assert.equal(model.stopTraining, true);
      assert.equal(callback.terminatedAtBatch, 1);
    });
  }
});
