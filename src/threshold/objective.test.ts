import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../errors.js';
import { checkObjective, formatObjective, parseObjective, type ThresholdObjective } from './objective.js';

describe('parseObjective', () => {
  it('reads the CLI forms', () => {
    const cases: [string, ThresholdObjective][] = [
      ['f1', { kind: 'f1' }],
      ['F2', { kind: 'fbeta', beta: 2 }],
      ['fbeta=0.5', { kind: 'fbeta', beta: 0.5 }],
      ['youden', { kind: 'youden' }],
      ['precision>=0.9', { kind: 'minPrecision', value: 0.9 }],
      [' recall >= 0.95 ', { kind: 'minRecall', value: 0.95 }],
      ['cost=10', { kind: 'cost', fnCost: 10, fpCost: 1 }],
      ['cost=10:3', { kind: 'cost', fnCost: 10, fpCost: 3 }],
    ];
    for (const [text, expected] of cases) assert.deepEqual(parseObjective(text), expected, text);
  });

  it('reads back what formatObjective writes', () => {
    for (const text of ['f1', 'fbeta=2', 'youden', 'precision>=0.8', 'recall>=0.99', 'cost=5:2']) {
      const objective = parseObjective(text);
      assert.deepEqual(parseObjective(formatObjective(objective)), objective);
    }
  });

  it('rejects unknown forms and out-of-range numbers, listing the accepted forms', () => {
    for (const bad of ['accuracy', 'precision>=1.5', 'recall>=abc', 'cost=0:0', 'fbeta=-1', 'cost=']) {
      assert.throws(
        () => parseObjective(bad),
        (error: unknown) => error instanceof ConfigError && error.message.includes("'precision>=0.9'"),
        bad,
      );
    }
  });

  it('names an out-of-range objective by its text, not as "an object"', () => {
    assert.throws(() => parseObjective('precision>=1.5'), /Cannot read the threshold objective "precision>=1\.5": the minimum must be in \[0, 1\], got 1\.5/);
    assert.throws(() => parseObjective('cost=0:0'), /objective "cost=0:0": at least one cost must be positive/);
    const unknown = { kind: 'best' } as unknown as ThresholdObjective;
    assert.throws(() => checkObjective(unknown), /objective "\{\\"kind\\":\\"best\\"\}": unknown kind/);
  });
});
