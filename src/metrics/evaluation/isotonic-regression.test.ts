import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isotonicPredict, isotonicRegression } from './isotonic-regression.js';

const fixture = JSON.parse(readFileSync('test/fixtures/sklearn/isotonic.json', 'utf8')) as {
  cases: { scores: number[]; labels: number[]; newScores: number[]; xThresholds: number[]; yThresholds: number[]; isotonic: number[]; calibrated: number[] }[];
  weighted: { x: number[]; y: number[]; w: number[]; xThresholds: number[]; yThresholds: number[] };
};
const close = (actual: ArrayLike<number>, expected: readonly number[], what: string) => {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const worst = Math.max(0, ...expected.map((value, i) => Math.abs(actual[i] - value)));
  assert.ok(worst <= 1e-12, `${what}: off by ${worst}`);
};

test('isotonic regression matches scikit-learn 1.2 IsotonicRegression and isotonic CalibratedClassifierCV', () => {
  assert.equal(fixture.cases.length, 4);
  fixture.cases.forEach((c, n) => {
    const fit = isotonicRegression(c.scores, c.labels);
    close(fit.x, c.xThresholds, `case ${n} X_thresholds_`);
    close(fit.y, c.yThresholds, `case ${n} y_thresholds_`);
    close(isotonicPredict(fit, c.newScores), c.isotonic, `case ${n} predict`);
    close(isotonicPredict(fit, c.newScores), c.calibrated, `case ${n} calibrated`);
  });
});

test('isotonic regression with sample weights (zero weights dropped, ties pooled) matches scikit-learn', () => {
  const { x, y, w, xThresholds, yThresholds } = fixture.weighted;
  const fit = isotonicRegression(x, y, w);
  close(fit.x, xThresholds, 'X_thresholds_');
  close(fit.y, yThresholds, 'y_thresholds_');
  for (let i = 1; i < fit.y.length; i++) assert.ok(fit.y[i] >= fit.y[i - 1]);
});

test('isotonic predictions clip outside the fitted range; mismatched lengths are an error', () => {
  const fit = isotonicRegression([0.2, 0.4, 0.6], [0, 1, 1]);
  close(isotonicPredict(fit, [0, 0.3, 1]), [0, 0.5, 1], 'clipped');
  assert.throws(() => isotonicRegression([1, 2], [1]), /as many x as y/);
});
