import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertBitIdentical } from '../../test/helpers/close.js';
import {
  bindOptimizer, GRADIENT_STEPS, INITIAL_WEIGHTS, step,
} from '../../test/helpers/optimizer-harness.js';
import { ConfigError } from '../errors.js';
import { getOptimizer, optimizerNames, optimizers } from './get-optimizer.js';
import type { Optimizer, OptimizerConfig } from './optimizer.js';
import { cosineDecay } from './schedules.js';

const configured: Optimizer[] = [
  optimizers.sgd({ learningRate: 0.05, momentum: 0.8, nesterov: true, clipnorm: 2 }),
  optimizers.rmsprop({
    learningRate: 0.002, rho: 0.8, momentum: 0.3, epsilon: 1e-6, centered: true, clipvalue: 1,
  }),
  optimizers.adam({
    learningRate: cosineDecay({ initialLearningRate: 0.01, decaySteps: 5 }),
    beta1: 0.8, beta2: 0.99, epsilon: 1e-6, amsgrad: true,
  }),
  optimizers.adamw({ learningRate: 0.003, weightDecay: 0.01, globalClipnorm: 3 }),
  optimizers.adagrad({ learningRate: 0.1, initialAccumulatorValue: 0.5, epsilon: 1e-5 }),
];

function trajectory(optimizer: Optimizer): Float32Array {
  const bound = bindOptimizer(optimizer, [INITIAL_WEIGHTS]);
  for (const g of GRADIENT_STEPS) step(optimizer, bound, g);
  return bound.params;
}

describe('getOptimizer', () => {
  it('round-trips every optimizer config through JSON; the rebuilt one steps identically', () => {
    const covered = configured.map((o) => o.name).sort();
    assert.deepEqual(covered, [...optimizerNames].sort(), 'every optimizer is covered');
    for (const optimizer of configured) {
      const json = JSON.parse(JSON.stringify(optimizer.getConfig())) as OptimizerConfig;
      const rebuilt = getOptimizer(json);
      assert.deepEqual(JSON.parse(JSON.stringify(rebuilt.getConfig())), json, optimizer.name);
      assertBitIdentical(trajectory(rebuilt), trajectory(optimizer), `${optimizer.name} steps`);
    }
  });

  it('accepts Keras names in any usual casing', () => {
    const names = [
      ['adam', 'adam'], ['Adam', 'adam'], ['SGD', 'sgd'], ['RMSprop', 'rmsprop'],
      ['AdamW', 'adamw'], ['adamW', 'adamw'], ['Adagrad', 'adagrad'],
    ];
    for (const [name, expected] of names) {
      assert.equal(getOptimizer(name).name, expected, name);
    }
  });

  it('rejects an unknown name with a ConfigError that lists the known optimizers', () => {
    assert.throws(() => getOptimizer('adadelta'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'config/unknown-optimizer');
      assert.match(error.message, /"adadelta"/);
      for (const name of optimizerNames) assert.ok(error.message.includes(name), `lists ${name}`);
      return true;
    });
  });
});
