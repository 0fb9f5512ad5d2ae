import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../errors.js';
import { chooseThreshold, thresholdSetting } from './threshold-choice.js';

test('the threshold option takes a probability, an objective as text or an objective object', () => {
  assert.deepEqual(thresholdSetting(0.5), { kind: 'fixed', value: 0.5 });
  assert.deepEqual(thresholdSetting('recall>=0.95'), { kind: 'objective', objective: { kind: 'minRecall', value: 0.95 } });
  assert.deepEqual(thresholdSetting({ kind: 'youden' }), { kind: 'objective', objective: { kind: 'youden' } });
  assert.throws(() => thresholdSetting(1.5), (error: unknown) => error instanceof ConfigError && /threshold as a number must be a probability from 0 to 1 but is 1\.5/.test(error.message));
  assert.throws(() => thresholdSetting('best'), /Cannot read the threshold objective "best"/);
  assert.throws(() => thresholdSetting({ kind: 'minPrecision', value: 2 }), /the minimum must be in \[0, 1\]/);
});

test('a fixed threshold is used as given; an objective is tuned on the labels and scores', () => {
  const labels = [0, 0, 0, 1, 1, 1];
  const scores = [0.1, 0.3, 0.45, 0.4, 0.8, 0.9];
  const fixed = chooseThreshold({ kind: 'fixed', value: 0.5 }, labels, scores);
  assert.deepEqual({ value: fixed.value, rule: fixed.rule }, { value: 0.5, rule: 'fixed (threshold 0.5)' });
  assert.equal(chooseThreshold({ kind: 'fixed', value: 0.5 }, labels, scores, '--threshold').rule, 'fixed (--threshold 0.5)');
  const tuned = chooseThreshold(thresholdSetting('recall>=1'), labels, scores);
  // Recall 1 needs the positive at 0.4 above the threshold: 0.3 <= t < 0.4 keeps precision 3/4.
  assert.ok(tuned.value >= 0.3 && tuned.value < 0.4, `threshold ${tuned.value}`);
  assert.equal(tuned.rule, 'highest precision with recall ≥ 1 on the validation rows');
  assert.equal(tuned.validation?.recall, 1);
  assert.equal(tuned.validation?.precision, 0.75);
});
