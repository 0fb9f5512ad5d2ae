import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreAxis } from './score-axis.js';

test('scoreAxis keeps [0, 1] in steps of 0.05 when the scores spread over half of it or more', () => {
  assert.deepEqual(scoreAxis([0.004, 0.2, 0.986]), { domain: [0, 1], step: 0.05 });
  assert.deepEqual(scoreAxis([0.25, 0.75]), { domain: [0, 1], step: 0.05 });
});

test('scoreAxis zooms to scores concentrated under 0.35, in round steps', () => {
  // Span 0.3415 / 20 = 0.0171 → step 0.02; 0.0024 floors to 0, 0.3439 ceils to 0.36.
  assert.deepEqual(scoreAxis([0.0024, 0.1, 0.3439]), { domain: [0, 0.36], step: 0.02 });
});

test('scoreAxis widens the zoom to hold a threshold outside the scores', () => {
  // Span 0.29 / 20 = 0.0145 → step 0.02; [0.01, 0.3] → [0, 0.3].
  assert.deepEqual(scoreAxis([0.01, 0.05], [0.3]), { domain: [0, 0.3], step: 0.02 });
  // Scores high up: [0.62, 0.97] / 20 = 0.0175 → step 0.02 → [0.62, 0.98].
  assert.deepEqual(scoreAxis([0.62, 0.8, 0.97]), { domain: [0.62, 0.98], step: 0.02 });
});

test('scoreAxis gives identical scores an axis 0.01 wide around them, and none the unit axis', () => {
  // [0.195, 0.205] / 20 = 0.0005 per step.
  assert.deepEqual(scoreAxis([0.2, 0.2]), { domain: [0.195, 0.205], step: 0.0005 });
  assert.deepEqual(scoreAxis([]), { domain: [0, 1], step: 0.05 });
});
