import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tooFewRows, type RowPart } from './check-row-counts.js';

const part = (name: string, counts: number[], use: RowPart['use'], everyClass = true): RowPart =>
  ({ name, counts, use, everyClass, fix: `more ${name} rows` });

test("'too-few-rows' names the parts of a split too small to learn or to measure from", () => {
  // --test-split 0.99 on 569 rows: 6 training rows, 1 validation row.
  const found = tooFewRows([
    part('training', [4, 2], 'learn'),
    part('validation', [1, 0], 'measure'),
    part('test', [353, 210], 'measure'),
  ], ['0', '1'], 'fit');
  assert.equal(found?.code, 'too-few-rows');
  assert.match(found!.message, /^Too few rows to learn or to measure from: the 6 training rows hold 4 of class "0" and 2 of class "1"; the 1 validation row holds 1 of class "0" and 0 of class "1"/);
  assert.equal(found!.fix, 'Use more rows: more training rows; more validation rows.');
  assert.deepEqual((found!.details!.parts as { name: string }[]).map((p) => p.name), ['training', 'validation']);
});

test('enough rows of every class, or a class left out of an evaluation on purpose, is no finding', () => {
  assert.equal(tooFewRows([part('training', [10, 10], 'learn'), part('test', [5, 5], 'measure')], ['a', 'b'], 'fit'), undefined);
  // Recall on positive rows only is a fair question: the absent class is not "too few".
  assert.equal(tooFewRows([part('evaluated', [0, 30], 'measure', false)], ['no', 'yes'], 'evaluate'), undefined);
  assert.match(tooFewRows([part('evaluated', [0, 3], 'measure', false)], ['no', 'yes'], 'evaluate')!.message, /^Too few rows to measure from: the 3 evaluated rows hold 3 of class "yes"/);
});
