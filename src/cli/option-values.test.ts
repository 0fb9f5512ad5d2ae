import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NnkitError } from '../errors.js';
import { choice, fraction, integer, layerSizes, positiveInteger, positiveNumber } from './option-values.js';
import { USAGE_ERROR } from './parse-command-line.js';

const usage = (pattern: RegExp) => (error: unknown) => error instanceof NnkitError && error.code === USAGE_ERROR && pattern.test(error.message);

test('positiveInteger takes whole numbers from 1 and names the option and value otherwise', () => {
  assert.equal(positiveInteger('train', 'epochs', '50'), 50);
  for (const bad of ['0', '-3', '2.5', 'ten', '', '1e3']) {
    assert.throws(() => positiveInteger('train', 'epochs', bad), usage(new RegExp(`--epochs must be a whole number of 1 or more but is "${bad.replace('.', '\\.')}"`)));
  }
});

test('integer takes negative and positive whole numbers', () => {
  assert.equal(integer('train', 'seed', '-7'), -7);
  assert.throws(() => integer('train', 'seed', '4.2'), usage(/--seed must be a whole number/));
});

test('positiveNumber refuses zero, negatives and non-numbers', () => {
  assert.equal(positiveNumber('train', 'learning-rate', '1e-3'), 0.001);
  for (const bad of ['0', '-1', 'fast', '']) assert.throws(() => positiveNumber('train', 'learning-rate', bad), usage(/--learning-rate must be a number above 0/));
});

test('fraction checks the range, with or without 0', () => {
  assert.equal(fraction('train', 'dropout', '0', true), 0);
  assert.throws(() => fraction('train', 'test-split', '0', false), usage(/between 0 and 1 \(exclusive\)/));
  assert.throws(() => fraction('train', 'dropout', '1', true), usage(/from 0 up to \(not including\) 1/));
  assert.equal(fraction('train', 'test-split', '0.25', false), 0.25);
});

test('layerSizes reads comma-separated sizes, and "none" for no hidden layer', () => {
  assert.deepEqual(layerSizes('train', 'hidden', '64,32'), [64, 32]);
  assert.deepEqual(layerSizes('train', 'hidden', ' 8 '), [8]);
  assert.deepEqual(layerSizes('train', 'hidden', 'none'), []);
  for (const bad of ['64,,32', '64,0', 'big']) assert.throws(() => layerSizes('train', 'hidden', bad), usage(/--hidden must list layer sizes/));
});

test('choice accepts only the listed words', () => {
  assert.equal(choice('train', 'class-weight', 'balanced', ['none', 'balanced']), 'balanced');
  assert.throws(() => choice('train', 'class-weight', 'auto', ['none', 'balanced']), usage(/--class-weight must be one of none, balanced but is "auto"/));
});
