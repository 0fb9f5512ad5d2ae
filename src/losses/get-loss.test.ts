import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { getLoss, lossNames, losses } from './get-loss.js';
import type { Loss, LossConfig } from './loss.js';

const configured: Loss[] = [
  losses.binaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1 }),
  losses.binaryFocalCrossentropy({
    fromLogits: false, labelSmoothing: 0.05, gamma: 3, alpha: 0.4, applyClassBalancing: true,
  }),
  losses.categoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.2 }),
  losses.sparseCategoricalCrossentropy({ fromLogits: true }),
  losses.meanSquaredError(),
  losses.meanAbsoluteError(),
  losses.hinge(),
];

describe('getLoss', () => {
  it('round-trips every loss config through JSON', () => {
    const covered = configured.map((l) => l.name).sort();
    assert.deepEqual(covered, [...lossNames].sort(), 'every loss is covered');
    for (const loss of configured) {
      const config = JSON.parse(JSON.stringify(loss.getConfig())) as LossConfig;
      const rebuilt = getLoss(config);
      assert.deepEqual(rebuilt.getConfig(), loss.getConfig(), loss.name);
      assert.equal(rebuilt.fromLogits, loss.fromLogits);
    }
  });

  it('accepts Keras snake_case, camelCase and short names', () => {
    assert.equal(getLoss('binary_crossentropy').name, 'binary_crossentropy');
    assert.equal(getLoss('binaryCrossentropy').name, 'binary_crossentropy');
    assert.equal(getLoss('sparseCategoricalCrossentropy').name, 'sparse_categorical_crossentropy');
    assert.equal(getLoss('mse').name, 'mean_squared_error');
    assert.equal(getLoss('mae').name, 'mean_absolute_error');
  });

  it('returns a Loss instance as it is', () => {
    const loss = losses.hinge();
    assert.equal(getLoss(loss), loss);
  });

  it('rejects an unknown name with a ConfigError that lists the known losses', () => {
    assert.throws(() => getLoss('cross_entropy'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'config/unknown-loss');
      assert.match(error.message, /"cross_entropy"/);
      for (const name of lossNames) assert.ok(error.message.includes(name), `lists ${name}`);
      return true;
    });
  });

  it('rejects an unknown loss class in a config', () => {
    const unknown = { className: 'kl_divergence', config: {} } as unknown as LossConfig;
    assert.throws(() => getLoss(unknown), ConfigError);
  });
});
