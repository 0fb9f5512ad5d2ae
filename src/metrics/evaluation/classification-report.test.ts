import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../errors.js';
import { classificationReport } from './classification-report.js';

describe('classificationReport', () => {
  it("prints scikit-learn's documented table for y_true [0,1,2,2,2], y_pred [0,0,2,2,1]", () => {
    const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ['class 0', 'class 1', 'class 2'] });
    const expected = [
      '              precision    recall  f1-score   support',
      '',
      '     class 0       0.50      1.00      0.67         1',
      '     class 1       0.00      0.00      0.00         1',
      '     class 2       1.00      0.67      0.80         3',
      '',
      '    accuracy                           0.60         5',
      '   macro avg       0.50      0.56      0.49         5',
      'weighted avg       0.70      0.60      0.61         5',
      '',
    ].join('\n');
    assert.equal(report.text, expected);
  });

  it('returns the same numbers as data', () => {
    const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1]);
    assert.deepEqual(
      report.rows.map((row) => [row.label, row.name, row.support]),
      [
        [0, '0', 1],
        [1, '1', 1],
        [2, '2', 3],
      ],
    );
    assert.equal(report.accuracy, 0.6);
    assert.ok(Math.abs(report.macroAvg.f1 - (2 / 3 + 0 + 0.8) / 3) < 1e-12);
    assert.ok(Math.abs(report.weightedAvg.precision - 0.7) < 1e-12);
  });

  it('shows a micro average instead of accuracy when labels leave classes out', () => {
    const report = classificationReport([0, 1, 2, 2], [0, 2, 2, 1], { labels: [0, 2] });
    assert.equal(report.accuracy, undefined);
    assert.ok(report.microAvg);
    assert.match(report.text, /micro avg/);
  });

  it('warns where a class has nothing predicted, and rejects a name count that does not match', () => {
    const report = classificationReport([0, 1, 1], [0, 0, 0]);
    assert.ok(report.warnings.some((w) => w.code === 'precision-undefined'));
    assert.throws(() => classificationReport([0, 1], [0, 1], { targetNames: ['only one'] }), ConfigError);
  });
});
