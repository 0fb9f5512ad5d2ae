import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllClose, assertClose } from '../../test/helpers/close.js';
import { bindOptimizer, step } from '../../test/helpers/optimizer-harness.js';
import { ConfigError } from '../errors.js';
import {
  cosineDecay, exponentialDecay, piecewiseConstantDecay, scheduleFromConfig, type ScheduleConfig,
} from './schedules.js';
import { Sgd } from './sgd.js';

describe('exponentialDecay', () => {
  it('is lr·rate^(step / decaySteps)', () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    assertClose(schedule(0), 0.1);
    assertClose(schedule(5), 0.1 * Math.SQRT1_2);
    assertClose(schedule(20), 0.025);
  });

  it('floors the exponent with staircase', () => {
    const options = { initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true };
    const schedule = exponentialDecay(options);
    assertClose(schedule(9), 0.1);
    assertClose(schedule(10), 0.05);
    assertClose(schedule(25), 0.025);
  });

  it('rejects non-positive decaySteps', () => {
    const options = { initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 };
    assert.throws(() => exponentialDecay(options), ConfigError);
  });
});

describe('cosineDecay', () => {
  it('decays from the initial rate to alpha·initial over decaySteps, then stays', () => {
    const schedule = cosineDecay({ initialLearningRate: 0.1, decaySteps: 10, alpha: 0.1 });
    assertClose(schedule(0), 0.1);
    assertClose(schedule(5), 0.1 * (0.9 * 0.5 + 0.1)); // cos(π/2) = 0
    assertClose(schedule(10), 0.01);
    assertClose(schedule(40), 0.01);
  });

  it('warms up linearly to warmupTarget, then decays from it', () => {
    const options = { initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 4 };
    const schedule = cosineDecay(options);
    assertClose(schedule(0), 0, { atol: 1e-15 });
    assertClose(schedule(2), 0.05);
    assertClose(schedule(4), 0.1);
    assertClose(schedule(9), 0.05, { atol: 1e-15 }); // halfway through the decay
    assertClose(schedule(14), 0, { atol: 1e-15 });
    assertClose(schedule(100), 0, { atol: 1e-15 });
  });
});

describe('piecewiseConstantDecay', () => {
  it('gives values[i] while step ≤ boundaries[i] and the last value after', () => {
    const schedule = piecewiseConstantDecay({ boundaries: [2, 5], values: [1, 0.5, 0.1] });
    assert.deepEqual([0, 1, 2, 3, 5, 6, 100].map(schedule), [1, 1, 1, 0.5, 0.5, 0.1, 0.1]);
  });

  it('needs one more value than boundaries', () => {
    const options = { boundaries: [2, 5], values: [1, 0.5] };
    assert.throws(() => piecewiseConstantDecay(options), ConfigError);
  });
});

describe('schedules in optimizers', () => {
  it('each step uses the rate of the iterations done before it', () => {
    const learningRate = piecewiseConstantDecay({ boundaries: [0], values: [1, 0.5] });
    const optimizer = new Sgd({ learningRate });
    const bound = bindOptimizer(optimizer, [[0]]);
    step(optimizer, bound, [1]); // lr(0) = 1
    step(optimizer, bound, [1]); // lr(1) = 0.5
    assertAllClose(bound.params, [-1.5]);
    assert.equal(optimizer.learningRate, 0.5);
    assert.throws(() => {
      optimizer.learningRate = 0.1;
    }, ConfigError);
  });

  it('round-trip through their configs', () => {
    const schedules = [
      exponentialDecay({
        initialLearningRate: 0.1, decaySteps: 7, decayRate: 0.3, staircase: true,
      }),
      cosineDecay({
        initialLearningRate: 0.01, decaySteps: 9, alpha: 0.2, warmupTarget: 0.1, warmupSteps: 3,
      }),
      piecewiseConstantDecay({ boundaries: [3, 8], values: [0.3, 0.2, 0.1] }),
    ];
    for (const schedule of schedules) {
      const config = JSON.parse(JSON.stringify(schedule.config)) as ScheduleConfig;
      const rebuilt = scheduleFromConfig(config);
      assert.deepEqual(JSON.parse(JSON.stringify(rebuilt.config)), config);
      for (let s = 0; s < 20; s++) {
        assert.equal(rebuilt(s), schedule(s), `${config.className} at step ${s}`);
      }
    }
  });
});

describe('schedule configs from files', () => {
  it('reject a missing config and options that are not numbers', () => {
    const bad: unknown[] = [
      { className: 'exponential_decay', config: null },
      {
        className: 'exponential_decay',
        config: { initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5, staircase: 'yes' },
      },
      { className: 'cosine_decay', config: { initialLearningRate: 'x', decaySteps: 10 } },
      {
        className: 'cosine_decay',
        config: { initialLearningRate: 0.1, decaySteps: 10, alpha: null, warmupTarget: 'x' },
      },
      {
        className: 'cosine_decay',
        config: { initialLearningRate: 0.1, decaySteps: 10, warmupSteps: -1 },
      },
      {
        className: 'piecewise_constant_decay',
        config: { boundaries: [5, 2], values: [1, 0.5, 0.1] },
      },
      { className: 'piecewise_constant_decay', config: { boundaries: ['2'], values: [1, 0.5] } },
      { className: 'piecewise_constant_decay', config: { boundaries: [2], values: [1, Infinity] } },
      { className: 'step_decay', config: {} },
    ];
    for (const config of bad) {
      const rebuild = () => scheduleFromConfig(config as ScheduleConfig);
      assert.throws(rebuild, ConfigError, JSON.stringify(config));
    }
  });
});
