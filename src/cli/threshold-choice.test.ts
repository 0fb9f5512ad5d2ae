import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NnkitError } from '../errors.js';
import { chooseThreshold, parseThresholdSetting } from './threshold-choice.js';

test('--threshold reads a probability as a fixed threshold and anything else as an objective', () => {
  assert.deepEqual(parseThresholdSetting('train', '0.5'), { kind: 'fixed', value: 0.5 });
  assert.deepEqual(parseThresholdSetting('train', '1'), { kind: 'fixed', value: 1 });
  const objective = parseThresholdSetting('train', 'precision>=0.9');
  assert.equal(objective.kind, 'objective');
  assert.deepEqual(objective.kind === 'objective' && objective.objective, { kind: 'minPrecision', value: 0.9 });
  assert.throws(() => parseThresholdSetting('train', '2'), (error: unknown) => error instanceof NnkitError && error.code === 'cli/usage');
  assert.throws(() => parseThresholdSetting('train', 'best'), /--threshold: Cannot read the threshold objective "best"/);
});

test('a fixed threshold is used as given; an objective is tuned on the labels and scores', () => {
  const labels = [0, 0, 0, 1, 1, 1];
  const scores = [0.1, 0.3, 0.45, 0.4, 0.8, 0.9];
  const fixed = chooseThreshold({ kind: 'fixed', value: 0.5 }, labels, scores);
  assert.deepEqual({ value: fixed.value, rule: fixed.rule }, { value: 0.5, rule: 'fixed (--threshold 0.5)' });
  const tuned = chooseThreshold(parseThresholdSetting('train', 'recall>=1'), labels, scores);
  // Recall 1 needs the positive at 0.4 above the threshold: 0.3 <= t < 0.4 keeps precision 3/4.
  assert.ok(tuned.value >= 0.3 && tuned.value < 0.4, `threshold ${tuned.value}`);
  assert.equal(tuned.rule, 'highest precision with recall ≥ 1 on the validation rows');
  assert.equal(tuned.validation?.recall, 1);
  assert.equal(tuned.validation?.precision, 0.75);
});
