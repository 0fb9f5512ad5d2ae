import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../test/helpers/close.js';
import { buildLayer } from '../../test/helpers/layer-contract.js';
import { ConfigError } from '../errors.js';
import { Dense } from '../layers/dense.js';
import { Random, setSeed } from '../random/random.js';
import {
  initialize, initializerConfig, initializerNames, type InitializerLike,
} from './initializers.js';

const FAN_IN = 200;
const FAN_OUT = 300;
const SHAPE = [FAN_IN, FAN_OUT];
const N = FAN_IN * FAN_OUT;
// NOTE: the standard deviation of a unit normal truncated to [−2, 2] (Keras' correction factor).
const TRUNCATED_STD = 0.87962566103423978;

function sample(like: InitializerLike, shape: readonly number[] = SHAPE, seed = 1): Float32Array {
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  initialize(like, shape, out, new Random(seed));
  return out;
}

interface Stats {
  mean: number;
  variance: number;
  maxAbs: number;
  min: number;
  max: number;
}

function stats(values: Float32Array): Stats {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, variance: sq / values.length, maxAbs: Math.max(-min, max), min, max };
}

/** Mean within 5 standard errors of `mean`, variance within 2% (about 5 standard errors here). */
function assertMoments(values: Float32Array, mean: number, variance: number, what: string): void {
  const s = stats(values);
  const standardError = Math.sqrt(variance / values.length);
  const message = `${what}: mean ${s.mean}, expected ${mean}`;
  assert.ok(Math.abs(s.mean - mean) < 5 * standardError, message);
  assertClose(s.variance, variance, { rtol: 0.02 }, `${what}: variance`);
}

function checkUniform(name: string, limit: number): void {
  const values = sample(name);
  const s = stats(values);
  assert.ok(s.maxAbs <= limit, `${name}: every value within ±${limit} (max ${s.maxAbs})`);
  assert.ok(s.min < -0.99 * limit && s.max > 0.99 * limit, `${name}: values reach both limits`);
  assertMoments(values, 0, (limit * limit) / 3, name);
}

function checkTruncatedNormal(name: string, variance: number): void {
  const values = sample(name);
  const stddev = Math.sqrt(variance) / TRUNCATED_STD;
  const s = stats(values);
  const limit = 2 * stddev;
  assert.ok(s.maxAbs <= limit * (1 + 1e-6), `${name}: truncated at ${limit} (max ${s.maxAbs})`);
  assert.ok(s.maxAbs > 1.95 * stddev, `${name}: the tails reach the truncation point`);
  assertMoments(values, 0, variance, name);
}

describe('initializers (Keras 3 definitions, fan_in 200, fan_out 300)', () => {
  it('glorot_uniform: U(±√(6 / (fan_in + fan_out)))', () => {
    checkUniform('glorot_uniform', Math.sqrt(6 / (FAN_IN + FAN_OUT)));
  });
  it('he_uniform: U(±√(6 / fan_in))', () => checkUniform('he_uniform', Math.sqrt(6 / FAN_IN)));
  it('lecun_uniform: U(±√(3 / fan_in))', () => {
    checkUniform('lecun_uniform', Math.sqrt(3 / FAN_IN));
  });
  it('glorot_normal: truncated normal with variance 2 / (fan_in + fan_out)', () => {
    checkTruncatedNormal('glorot_normal', 2 / (FAN_IN + FAN_OUT));
  });
  it('he_normal: truncated normal with variance 2 / fan_in', () => {
    checkTruncatedNormal('he_normal', 2 / FAN_IN);
  });
  it('lecun_normal: truncated normal with variance 1 / fan_in', () => {
    checkTruncatedNormal('lecun_normal', 1 / FAN_IN);
  });

  it('random_normal: mean 0 and stddev 0.05 by default, or as configured', () => {
    assertMoments(sample('random_normal'), 0, 0.05 ** 2, 'default');
    const configured = sample({ className: 'random_normal', config: { mean: 1, stddev: 2 } });
    assertMoments(configured, 1, 4, 'configured');
  });

  it('random_uniform: U[−0.05, 0.05) by default, or [minval, maxval)', () => {
    const values = sample('random_uniform');
    const s = stats(values);
    assert.ok(s.min >= -0.05 && s.max < 0.05);
    assertMoments(values, 0, 0.1 ** 2 / 12, 'default');
    const range = { className: 'random_uniform' as const, config: { minval: 2, maxval: 3 } };
    const configured = stats(sample(range));
    assert.ok(configured.min >= 2 && configured.max < 3);
    assertClose(configured.mean, 2.5, { atol: 0.01 });
  });

  it('truncated_normal: stddev 0.05 cut at two standard deviations', () => {
    const values = sample('truncated_normal');
    assert.ok(stats(values).maxAbs <= 0.1 + 1e-7);
    assertMoments(values, 0, (0.05 * TRUNCATED_STD) ** 2, 'default');
  });

  it('zeros, ones and constant fill every value', () => {
    assert.ok(sample('zeros').every((v) => v === 0));
    assert.ok(sample('ones').every((v) => v === 1));
    assert.ok(sample({ className: 'constant', config: { value: 3 } }).every((v) => v === 3));
    assert.ok(sample('constant').every((v) => v === 0), 'Keras Constant defaults to 0');
  });

  it('use fan_in = fan_out = length for 1-D weights', () => {
    const limit = Math.sqrt(6 / 800);
    const s = stats(sample('glorot_uniform', [400]));
    assert.ok(s.maxAbs <= limit && s.maxAbs > 0.95 * limit);
  });

  it('are reproducible from a seed and differ between seeds', () => {
    for (const name of initializerNames) {
      assert.deepEqual(sample(name, [7, 5], 9), sample(name, [7, 5], 9), name);
    }
    assert.notDeepEqual(sample('glorot_uniform', [7, 5], 9), sample('glorot_uniform', [7, 5], 10));
  });

  it('draw from the global generator, so setSeed makes layer weights reproducible', () => {
    const kernel = () => {
      const layer = new Dense({ units: 4, kernelInitializer: 'he_normal' });
      buildLayer(layer, [[3]]);
      return layer.kernel!.value.slice();
    };
    setSeed(21);
    const first = kernel();
    setSeed(21);
    assert.deepEqual(kernel(), first);
  });

  it('accept camelCase names and reject unknown ones with the known names listed', () => {
    assert.equal(initializerConfig('glorotUniform').className, 'glorot_uniform');
    assert.equal(initializerConfig('heNormal').className, 'he_normal');
    assert.throws(() => initializerConfig('orthogonal'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /"orthogonal"/);
      for (const name of initializerNames) assert.ok(error.message.includes(name), `lists ${name}`);
      return true;
    });
  });
});
