import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose } from '../../test/helpers/close.js';
import { bindOptimizer, step } from '../../test/helpers/optimizer-harness.js';
import { ConfigError } from '../errors.js';
import { Sgd } from './sgd.js';

// Two variables: gradient norms 5 and 0.5, global norm √25.25.
const INITIAL = [[0, 0], [0, 0]];
const GRADIENT = [3, 4, 0.3, 0.4];

/** With SGD at lr 1 from zero weights, the weights become −(clipped gradient). */
function clippedGradient(
  options: { clipnorm?: number; globalClipnorm?: number; clipvalue?: number },
): number[] {
  const optimizer = new Sgd({ learningRate: 1, ...options });
  const bound = bindOptimizer(optimizer, INITIAL);
  step(optimizer, bound, GRADIENT);
  return [...bound.params].map((w) => -w);
}

describe('gradient clipping', () => {
  it('clipnorm scales each variable\'s gradient to at most that L2 norm, separately', () => {
    assertAllClose(clippedGradient({ clipnorm: 1 }), [0.6, 0.8, 0.3, 0.4], { rtol: 1e-6 });
  });

  it('globalClipnorm scales all gradients together to at most that global norm', () => {
    const scale = 1 / Math.sqrt(25.25);
    const scaled = GRADIENT.map((g) => g * scale);
    assertAllClose(clippedGradient({ globalClipnorm: 1 }), scaled, { rtol: 1e-6 });
  });

  it('leaves gradients already within the norm unchanged', () => {
    assertAllClose(clippedGradient({ clipnorm: 10 }), GRADIENT, { rtol: 1e-7 });
    assertAllClose(clippedGradient({ globalClipnorm: 10 }), GRADIENT, { rtol: 1e-7 });
  });

  it('clipvalue clips each value to [−clipvalue, clipvalue]', () => {
    const optimizer = new Sgd({ learningRate: 1, clipvalue: 0.5 });
    const bound = bindOptimizer(optimizer, [[0, 0, 0, 0]]);
    step(optimizer, bound, [3, -4, 0.3, -0.1]);
    assertAllClose([...bound.params].map((w) => -w), [0.5, -0.5, 0.3, -0.1], { rtol: 1e-7 });
  });

  it('allows only one of clipnorm, globalClipnorm and clipvalue, each positive', () => {
    assert.throws(() => new Sgd({ clipnorm: 1, clipvalue: 1 }), ConfigError);
    assert.throws(() => new Sgd({ clipnorm: 1, globalClipnorm: 1 }), ConfigError);
    assert.throws(() => new Sgd({ clipnorm: -1 }), ConfigError);
  });
});

describe('learning rate', () => {
  it('can be changed between steps (as reduceLROnPlateau does) and must be positive', () => {
    const optimizer = new Sgd({ learningRate: 0.5 });
    const bound = bindOptimizer(optimizer, [[0]]);
    step(optimizer, bound, [1]);
    optimizer.learningRate = 0.25;
    step(optimizer, bound, [1]);
    assertAllClose(bound.params, [-0.75]);
    assert.throws(() => new Sgd({ learningRate: -0.1 }), ConfigError);
  });
});
