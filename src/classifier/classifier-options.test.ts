import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../errors.js';
import { CLASSIFIER_DEFAULTS, classifierSettings, type TrainClassifierOptions } from './classifier-options.js';

const rejects = (options: unknown, pattern: RegExp) =>
  assert.throws(() => classifierSettings(options as TrainClassifierOptions), (error: unknown) => error instanceof ConfigError && pattern.test(error.message));

test("no options give nnkit train's defaults", () => {
  const settings = classifierSettings({});
  assert.equal(settings.threshold, undefined, 'the default objective applies to two-class targets only');
  const { threshold: _, ...defaults } = CLASSIFIER_DEFAULTS;
  assert.deepEqual(settings, { ...defaults, hidden: [32, 16], refit: false });
});

test('given options are kept and the threshold is read', () => {
  const settings = classifierSettings({ hidden: [], learningRate: 0.01, classWeight: 'balanced', threshold: 'precision>=0.9', seed: -1 });
  assert.deepEqual(settings.hidden, []);
  assert.equal(settings.learningRate, 0.01);
  assert.equal(settings.classWeight, 'balanced');
  assert.deepEqual(settings.threshold, { kind: 'objective', objective: { kind: 'minPrecision', value: 0.9 } });
  assert.deepEqual(classifierSettings({ threshold: 0.3 }).threshold, { kind: 'fixed', value: 0.3 });
});

test('errors name the option, say what it takes and show the value', () => {
  rejects({ hidden: [64, 0] }, /^trainClassifier: hidden must be a list of layer sizes, whole numbers of 1 or more, e\.g\. \[64, 32\], or \[\] for none, but is an array of length 2\.$/);
  rejects({ dropout: 1 }, /^trainClassifier: dropout must be a number from 0 up to \(not including\) 1, e\.g\. 0\.2, but is 1\.$/);
  rejects({ epochs: 2.5 }, /epochs must be a whole number of 1 or more, but is 2\.5/);
  rejects({ batchSize: '32' }, /batchSize must be a whole number of 1 or more, but is "32"/);
  rejects({ optimizer: 'lbfgs' }, /optimizer must be one of sgd, rmsprop, adam, adamw, adagrad, but is "lbfgs"/);
  rejects({ learningRate: 0 }, /learningRate must be a number above 0/);
  rejects({ validationSplit: 1 }, /validationSplit must be a number between 0 and 1 \(exclusive\)/);
  rejects({ testSplit: 1 }, /testSplit must be a number from 0 \(no test rows\) up to \(not including\) 1, e\.g\. 0\.2, but is 1/);
  rejects({ calibrate: 'platt' }, /calibrate must be one of temperature, sigmoid, isotonic, but is "platt"/);
  rejects({ ensemble: 0 }, /ensemble must be a whole number of members from 1 \(one network\) to 100, e\.g\. 5, or "auto", but is 0/);
  rejects({ ensemble: 'many' as unknown as number }, /ensemble must be .*, but is "many"/);
  rejects({ refit: 'yes' }, /refit must be true or false, but is "yes"/);
  rejects({ refit: true, ensemble: 5 }, /refit and ensemble do not go together/);
  rejects({ classWeight: 'auto' }, /classWeight must be "none" or "balanced", but is "auto"/);
  rejects({ seed: 'x' }, /seed must be a whole number/);
  rejects({ threshold: 1.2 }, /threshold as a number must be a probability from 0 to 1 but is 1\.2/);
  rejects({ threshold: 'accuracy' }, /Cannot read the threshold objective "accuracy"/);
  rejects({ epoch: 5 }, /^trainClassifier has no option "epoch"; its options are .*epochs/);
  rejects(null, /options must be an object/);
});
