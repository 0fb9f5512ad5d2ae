import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operatingPoint } from './operating-point.js';

test('operatingPoint reads FPR, TPR and precision off counts[actual][predicted]', () => {
  // TN 70, FP 2, FN 4, TP 38
  const point = operatingPoint({ classNames: ['no', 'yes'], counts: [[70, 2], [4, 38]], threshold: 0.4 });
  assert.deepEqual(point, { fpr: 2 / 72, tpr: 38 / 42, precision: 38 / 40, recall: 38 / 42, threshold: 0.4 });
});

test('operatingPoint leaves precision undefined when nothing is predicted positive', () => {
  const point = operatingPoint({ classNames: ['no', 'yes'], counts: [[10, 0], [5, 0]] });
  assert.equal(point?.precision, undefined);
  assert.equal(point?.tpr, 0);
});

test('operatingPoint is undefined when a class has no rows (a rate would be 0 / 0)', () => {
  assert.equal(operatingPoint({ classNames: ['no', 'yes'], counts: [[10, 3], [0, 0]] }), undefined);
});
