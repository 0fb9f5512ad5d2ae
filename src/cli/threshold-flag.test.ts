import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NnkitError } from '../errors.js';
import { USAGE_ERROR } from './parse-command-line.js';
import { parseThresholdFlag } from './threshold-flag.js';

test('--threshold reads a probability as a fixed threshold and anything else as an objective', () => {
  assert.equal(parseThresholdFlag('train', '0.5'), 0.5);
  assert.equal(parseThresholdFlag('train', '1'), 1);
  assert.deepEqual(parseThresholdFlag('train', 'precision>=0.9'), { kind: 'minPrecision', value: 0.9 });
  assert.throws(() => parseThresholdFlag('train', '2'), (error: unknown) => error instanceof NnkitError && error.code === USAGE_ERROR);
  assert.throws(() => parseThresholdFlag('train', 'best'), /--threshold: Cannot read the threshold objective "best"/);
});
