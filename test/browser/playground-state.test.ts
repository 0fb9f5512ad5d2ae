/**
 * The playground's setup round-trips through its address: every field of a state written by
 * stateToQuery reads back the same, and a hand-edited address keeps the defaults for what it
 * lacks or gets wrong.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_STATE, stateFromQuery, stateToQuery, type PlaygroundState } from '../../playground/src/state.js';

test('a state written to the address reads back field for field', () => {
  const state: PlaygroundState = {
    data: 'digits', prevalence: 0.07, noise: 0.12, seed: 4242, hidden: [32, 16, 4], activation: 'gelu', optimizer: 'rmsprop',
    learningRate: 0.003, dropout: 0.25, epochs: 75, batchSize: 128, balanced: true, threshold: 0.3316, fnCost: 20, fpCost: 3,
    minPrecision: 0.95, minRecall: 0.8, rows: 'test', mistakes: ['sorted-validation', 'threshold-on-test'],
  };
  assert.deepEqual(stateFromQuery(`?${stateToQuery(state)}`), state);
  assert.deepEqual(stateFromQuery(stateToQuery(DEFAULT_STATE)), DEFAULT_STATE);
});

test('no hidden layers round-trip as none; a dropped CSV cannot travel and reads as the default set', () => {
  assert.deepEqual(stateFromQuery(stateToQuery({ ...DEFAULT_STATE, hidden: [] })).hidden, []);
  assert.equal(stateFromQuery(stateToQuery({ ...DEFAULT_STATE, data: 'csv' })).data, DEFAULT_STATE.data);
});

test('what an address lacks or gets wrong keeps its default', () => {
  const state = stateFromQuery('?data=mnist&epochs=many&activation=swishy&hidden=8-x-0-300-4&mistakes=peeking,accuracy-only&threshold=0.7');
  assert.deepEqual(state, { ...DEFAULT_STATE, hidden: [8, 4], mistakes: ['accuracy-only'], threshold: 0.7 });
  const outOfRange = stateFromQuery('?prevalence=0.9&epochs=100000&batchSize=0&seed=1.5&threshold=-1&noise=0.3&learningRate=0');
  assert.deepEqual(outOfRange, { ...DEFAULT_STATE, noise: 0.3 });
});
