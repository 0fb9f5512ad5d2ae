import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, NnkitError, ShapeError } from '../errors.js';
import { binaryReportFixture, multiclassReportFixture } from '../../test/browser/report-fixture.js';
import type { ReportData } from './report-data.js';
import { validateReportData } from './validate-report-data.js';

const binary = binaryReportFixture();
const roc = binary.roc as NonNullable<ReportData['roc']>;

describe('validateReportData', () => {
  test('accepts the binary and multiclass fixtures', () => {
    assert.doesNotThrow(() => validateReportData(binary));
    assert.doesNotThrow(() => validateReportData(multiclassReportFixture()));
  });

  test('rejects ROC arrays of different lengths with a ShapeError naming the field', () => {
    const data = { ...binary, roc: { ...roc, tpr: roc.tpr.slice(1) } };
    assert.throws(() => validateReportData(data), (error: unknown) => {
      assert.ok(error instanceof ShapeError);
      assert.equal(error.code, 'report/length');
      assert.match(error.message, new RegExp(`roc\\.tpr has length ${roc.tpr.length - 1}; expected ${roc.tpr.length}`));
      return true;
    });
  });

  test('rejects a NaN metric value instead of printing NaN', () => {
    const data = { ...binary, metrics: { ...binary.metrics, rows: [{ name: 'F1', value: Number.NaN }] } };
    assert.throws(() => validateReportData(data), (error: unknown) => {
      assert.ok(error instanceof NnkitError);
      assert.equal(error.code, 'report/non-finite');
      assert.match(error.message, /metrics row "F1" holds NaN at index 0/);
      return true;
    });
  });

  test('rejects a probability outside [0, 1] and names the index', () => {
    const data = { ...binary, roc: { ...roc, fpr: [0, 1.5, ...roc.fpr.slice(2)] } };
    assert.throws(() => validateReportData(data), /roc\.fpr holds 1\.5 at index 1; expected a value in \[0, 1\]/);
  });

  test('accepts an infinite first ROC threshold, as scikit-learn returns, but not a NaN one', () => {
    const infinite = { ...binary, roc: { ...roc, thresholds: [Infinity, ...roc.thresholds.slice(1)] } };
    assert.doesNotThrow(() => validateReportData(infinite));
    const data = { ...binary, roc: { ...roc, thresholds: [Number.NaN, ...roc.thresholds.slice(1)] } };
    assert.throws(() => validateReportData(data), /roc\.thresholds holds NaN at index 0/);
  });

  test('accepts PR thresholds one shorter than the curve, and rejects any other length', () => {
    const pr = binary.pr as NonNullable<ReportData['pr']>;
    assert.equal(pr.thresholds.length, pr.precision.length - 1);
    assert.doesNotThrow(() => validateReportData({ ...binary, pr: { ...pr, thresholds: [...pr.thresholds, 1] } }));
    assert.throws(() => validateReportData({ ...binary, pr: { ...pr, thresholds: pr.thresholds.slice(1) } }), ShapeError);
  });

  test('rejects binary-only charts in a multiclass report', () => {
    const data = { ...multiclassReportFixture(), roc };
    assert.throws(() => validateReportData(data), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /ReportData\.roc applies to binary reports only; omit it/);
      return true;
    });
  });

  test('rejects a binary report whose confusion matrix does not have 2 classes', () => {
    const data = { ...binary, confusion: multiclassReportFixture().confusion };
    assert.throws(() => validateReportData(data), /binary report needs exactly 2 classes; confusion\.classNames has 3/);
  });

  test('rejects a confusion matrix that is not K×K or holds a fractional count', () => {
    const ragged = { ...binary, confusion: { ...binary.confusion, counts: [[1, 2], [3]] } };
    assert.throws(() => validateReportData(ragged), /confusion\.counts\[1\] has length 1; expected 2/);
    const fractional = { ...binary, confusion: { ...binary.confusion, counts: [[1, 2.5], [3, 4]] } };
    assert.throws(() => validateReportData(fractional), /confusion\.counts\[0\] holds 2\.5 at index 1; expected a whole number/);
  });

  test('rejects a best epoch outside the history', () => {
    const training = binary.training as NonNullable<ReportData['training']>;
    const data = { ...binary, training: { ...training, bestEpoch: 40 } };
    assert.throws(() => validateReportData(data), /training\.bestEpoch is 40; expected a 0-based epoch index in \[0, 31\]/);
  });

  test('rejects history series of different lengths', () => {
    const training = binary.training as NonNullable<ReportData['training']>;
    const data = { ...binary, training: { ...training, history: { ...training.history, val_loss: [0.5] } } };
    assert.throws(() => validateReportData(data), /training\.history\.val_loss has 1 values; expected one per epoch \(32\)/);
  });

  test('allows NaN in the training history, where a diverged run is worth showing', () => {
    const training = binary.training as NonNullable<ReportData['training']>;
    const loss = [...training.history.loss];
    loss[5] = Number.NaN;
    assert.doesNotThrow(() => validateReportData({ ...binary, training: { ...training, history: { ...training.history, loss } } }));
  });

  test('rejects a confidence interval whose low end is above its high end', () => {
    const data = { ...binary, metrics: { ...binary.metrics, rows: [{ name: 'AUC', value: 0.9, ci: [0.95, 0.85] as const }] } };
    assert.throws(() => validateReportData(data), /interval of metric "AUC" is \[0\.95, 0\.85\]/);
  });

  test('rejects reliability intervals of the wrong length or that do not hold their bin\u2019s fraction', () => {
    const reliability = binary.reliability as NonNullable<ReportData['reliability']>;
    const short = { ...binary, reliability: { ...reliability, intervalUpper: reliability.intervalUpper.slice(1) } };
    assert.throws(() => validateReportData(short), /reliability\.intervalUpper has length \d+; expected \d+/);
    const bin = reliability.fractionPositive.findIndex((fraction) => fraction > 0);
    const intervalUpper = [...reliability.intervalUpper];
    intervalUpper[bin] = reliability.fractionPositive[bin] / 2;
    const below = { ...binary, reliability: { ...reliability, intervalUpper } };
    assert.throws(() => validateReportData(below), new RegExp(`reliability bin ${bin} has fractionPositive \\S+ outside its interval`));
  });

  test('rejects an unknown warning severity', () => {
    const warning = { code: 'x/y', severity: 'fatal', message: 'm' } as unknown as ReportData['warnings'][number];
    assert.throws(() => validateReportData({ ...binary, warnings: [warning] }), /warnings\[0\]\.severity is "fatal"/);
  });
});
