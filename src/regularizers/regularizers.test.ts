import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { awayFromKinks, checkGradients } from '../../test/helpers/gradient-check.js';
import { ConfigError } from '../errors.js';
import {
  addPenaltyGradient, l1, l1l2, l2, penalty, regularizerConfig, type RegularizerLike,
} from './regularizers.js';

describe('regularizers', () => {
  it('penalize l1·Σ|w| + l2·Σw²', () => {
    const w = new Float32Array([0.5, -2, 1]);
    assertClose(penalty(l1(0.1), w), 0.1 * 3.5, { rtol: 1e-7 });
    assertClose(penalty(l2(0.1), w), 0.1 * 5.25, { rtol: 1e-7 });
    assertClose(penalty(l1l2({ l1: 0.1, l2: 0.2 }), w), 0.35 + 1.05, { rtol: 1e-7 });
  });

  it('use Keras defaults: 0.01 for l1 and l2 alone, 0 for the missing part of l1_l2', () => {
    assert.deepEqual(regularizerConfig('l1').config, { l1: 0.01, l2: 0 });
    assert.deepEqual(regularizerConfig('l2').config, { l1: 0, l2: 0.01 });
    assert.deepEqual(regularizerConfig('l1_l2').config, { l1: 0, l2: 0 });
    assert.deepEqual(l1l2({ l1: 0.3 }).config, { l1: 0.3, l2: 0 });
  });

  it('have gradients that match central differences (away from w = 0)', () => {
    const w = awayFromKinks(8, -1, 1, [0], 0.05, 61);
    const config = l1l2({ l1: 0.3, l2: 0.7 });
    const grad = new Float32Array(8);
    addPenaltyGradient(config, w, grad);
    checkGradients(() => penalty(config, w), [{ name: 'w', values: w, analytic: grad }]);
  });

  it('add their gradient to the existing one', () => {
    const grad = new Float32Array([1, 1]);
    addPenaltyGradient(l2(0.5), new Float32Array([2, -2]), grad);
    assert.deepEqual([...grad], [3, -1]);
  });

  it('reject negative strengths and unknown names', () => {
    const negative = { className: 'l2' as const, config: { l1: 0, l2: -1 } };
    assert.throws(() => regularizerConfig(negative), ConfigError);
    assert.throws(() => regularizerConfig('l3' as RegularizerLike), ConfigError);
  });

  it('reject a config that is not { l1, l2 } numbers (as a damaged model.json may hold)', () => {
    const configs = [null, 'x', { l1: '0.1', l2: 0 }, { l1: 0, l2: Infinity }, { l1: true, l2: 0 }];
    for (const config of configs) {
      const like = { className: 'l2', config } as unknown as RegularizerLike;
      assert.throws(() => regularizerConfig(like), ConfigError, JSON.stringify(config));
    }
  });
});
