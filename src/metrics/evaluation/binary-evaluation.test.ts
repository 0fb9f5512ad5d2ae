import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataError } from '../../errors.js';
import { averagePrecisionScore } from './average-precision-score.js';
import { binaryEvaluation } from './binary-evaluation.js';
import { confusionMatrix } from './confusion-matrix.js';
import { logLoss } from './log-loss.js';
import { precisionScore, recallScore } from './precision-recall-fscore-support.js';
import { rocAucScore } from './roc-auc-score.js';

const Y_TRUE = [1, 0, 1, 1, 0, 0, 0, 1, 0, 0];
const Y_SCORE = [0.9, 0.4, 0.35, 0.8, 0.1, 0.6, 0.2, 0.55, 0.3, 0.05];
const WEIGHTS = [1, 2, 1, 1, 0.5, 1, 1, 3, 1, 1];

describe('binaryEvaluation', () => {
  it('reports numbers consistent with the individual functions, weights included', () => {
    const e = binaryEvaluation(Y_TRUE, Y_SCORE, { threshold: 0.5, sampleWeight: WEIGHTS });
    const yPred = Y_SCORE.map((s) => (s > 0.5 ? 1 : 0));
    assert.deepEqual(e.confusionMatrix, confusionMatrix(Y_TRUE, yPred, { labels: [0, 1], sampleWeight: WEIGHTS }).matrix);
    const { tp, fp, tn, fn } = e.counts;
    assert.equal(e.accuracy, (tp + tn) / (tp + fp + tn + fn));
    assert.equal(e.precision, precisionScore(Y_TRUE, yPred, { sampleWeight: WEIGHTS }).value);
    assert.equal(e.recall, recallScore(Y_TRUE, yPred, { sampleWeight: WEIGHTS }).value);
    assert.ok(Math.abs(e.f1 - (2 * e.precision * e.recall) / (e.precision + e.recall)) < 1e-15);
    assert.equal(e.rocAuc, rocAucScore(Y_TRUE, Y_SCORE, { sampleWeight: WEIGHTS }).value);
    assert.equal(e.averagePrecision, averagePrecisionScore(Y_TRUE, Y_SCORE, { sampleWeight: WEIGHTS }).value);
    assert.equal(e.logLoss, logLoss(Y_TRUE, Y_SCORE, { sampleWeight: WEIGHTS }).value);
    assert.equal(e.positives, 6);
    assert.equal(e.negatives, 6.5);
    assert.deepEqual(e.warnings, []);
  });

  it('shows the accuracy paradox: the majority baseline next to the accuracy', () => {
    const yTrue = [...new Array(95).fill(0), ...new Array(5).fill(1)];
    const e = binaryEvaluation(yTrue, yTrue.map(() => 0.1));
    assert.equal(e.accuracy, 0.95);
    assert.deepEqual(e.baseline, { majorityClass: 0, accuracy: 0.95 });
    assert.equal(e.recall, 0);
    assert.deepEqual(e.warnings.map((w) => w.code).sort(), ['mcc-undefined', 'precision-undefined']);
  });

  it('reports ROC AUC as null with a warning, instead of throwing, when yTrue holds one class', () => {
    const e = binaryEvaluation([1, 1, 1], [0.2, 0.7, 0.9]);
    assert.equal(e.rocAuc, null);
    assert.ok(e.warnings.some((w) => w.code === 'auc-undefined'));
    assert.ok(e.warnings.some((w) => w.code === 'no-negatives'));
  });

  it('rejects scores that are not probabilities', () => {
    assert.throws(() => binaryEvaluation([0, 1], [-2.3, 4.1]), DataError);
  });
});
