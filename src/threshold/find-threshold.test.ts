import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DataError } from '../errors.js';
import { binaryCounts, countScores, ratio } from '../metrics/evaluation/binary-counts.js';
import { findThreshold } from './find-threshold.js';
import type { ThresholdObjective } from './objective.js';

/** Independent enumeration: every strict cut is score > s for a distinct score s, or everything. */
function allCuts(labels: number[], scores: number[], weights?: number[]) {
  const cuts = [...new Set(scores), -Infinity];
  return cuts.map((t) => {
    const counts = binaryCounts(labels, scores, t, weights);
    const { precision, recall } = countScores(counts);
    return { t, counts, precision, recall, fpr: ratio(counts.fp, counts.fp + counts.tn) };
  });
}

const dataset = fc
  .array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { minLength: 2, maxLength: 60 })
  .filter((rows) => rows.some((r) => r[0]) && rows.some((r) => !r[0]))
  .map((rows) => ({ labels: rows.map((r) => (r[0] ? 1 : 0)), scores: rows.map((r) => r[1] / 40) }));

function check(objective: ThresholdObjective, best: (cuts: ReturnType<typeof allCuts>) => number, valueOf: (choice: ReturnType<typeof findThreshold>) => number) {
  fc.assert(
    fc.property(dataset, ({ labels, scores }) => {
      const choice = findThreshold(labels, scores, objective);
      const reproduced = binaryCounts(labels, scores, choice.threshold);
      assert.deepEqual(reproduced, choice.counts, 'the threshold reproduces the reported counts');
      assert.ok(Math.abs(valueOf(choice) - best(allCuts(labels, scores))) <= 1e-12, `${valueOf(choice)} vs best ${best(allCuts(labels, scores))}`);
    }),
    { numRuns: 150, seed: 9 },
  );
}

describe('findThreshold', () => {
  it('maximises F1 over every possible cut', () => {
    check({ kind: 'f1' }, (cuts) => Math.max(...cuts.map((c) => countScores(c.counts).fBeta)), (choice) => choice.metrics.f1);
  });

  it('maximises F-beta (beta = 2) over every possible cut', () => {
    check({ kind: 'fbeta', beta: 2 }, (cuts) => Math.max(...cuts.map((c) => countScores(c.counts, 2).fBeta)), (choice) => choice.value);
  });

  it("maximises Youden's J over every possible cut", () => {
    check({ kind: 'youden' }, (cuts) => Math.max(...cuts.map((c) => c.recall - c.fpr)), (choice) => choice.metrics.youdenJ);
  });

  it('finds the highest recall with precision >= 0.7 when one exists', () => {
    fc.assert(
      fc.property(dataset, ({ labels, scores }) => {
        const feasible = allCuts(labels, scores).filter((c) => c.counts.tp + c.counts.fp > 0 && c.precision >= 0.7);
        const choice = findThreshold(labels, scores, 'precision>=0.7');
        assert.equal(choice.satisfied, feasible.length > 0);
        if (feasible.length === 0) {
          assert.deepEqual(choice.warnings.map((w) => w.code), ['constraint-unmet']);
          return;
        }
        assert.ok(choice.metrics.precision >= 0.7);
        assert.equal(choice.metrics.recall, Math.max(...feasible.map((c) => c.recall)));
      }),
      { numRuns: 150, seed: 10 },
    );
  });

  it('finds the highest precision with recall >= 0.9 (always reachable)', () => {
    fc.assert(
      fc.property(dataset, ({ labels, scores }) => {
        const feasible = allCuts(labels, scores).filter((c) => c.recall >= 0.9);
        const choice = findThreshold(labels, scores, { kind: 'minRecall', value: 0.9 });
        assert.ok(choice.satisfied);
        assert.ok(choice.metrics.recall >= 0.9);
        assert.equal(choice.metrics.precision, Math.max(...feasible.map((c) => c.precision)));
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('minimises the cost 10·FN + FP over every possible cut', () => {
    check(
      { kind: 'cost', fnCost: 10, fpCost: 1 },
      (cuts) => Math.min(...cuts.map((c) => 10 * c.counts.fn + c.counts.fp)),
      (choice) => choice.metrics.cost,
    );
  });

  it('handles a score exactly on the chosen cut: equal scores stay together', () => {
    const labels = [0, 0, 1, 1, 0, 1];
    const scores = [0.2, 0.5, 0.5, 0.5, 0.1, 0.9];
    const choice = findThreshold(labels, scores, 'f1');
    assert.deepEqual(binaryCounts(labels, scores, choice.threshold), choice.counts);
    assert.equal(choice.metrics.f1, 6 / 7);
  });

  it('honours sample weights', () => {
    const labels = [1, 0, 1, 0];
    const scores = [0.9, 0.6, 0.4, 0.3];
    const plain = findThreshold(labels, scores, 'f1');
    const weighted = findThreshold(labels, scores, 'f1', { sampleWeight: [1, 5, 1, 1] });
    assert.ok(plain.threshold >= 0.3 && plain.threshold < 0.4, `${plain.threshold}`);
    assert.ok(weighted.threshold >= 0.6 && weighted.threshold < 0.9, `${weighted.threshold}`);
    assert.equal(weighted.counts.fp, 0);
  });

  it('needs both classes', () => {
    assert.throws(() => findThreshold([1, 1], [0.2, 0.4], 'f1'), DataError);
  });

  it('beats or equals the default 0.5 threshold on every fixture case with both classes', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/metric_vectors.json', import.meta.url), 'utf8'));
    let compared = 0;
    for (const c of fixture.binary_cases) {
      if (c.n_positive === 0 || c.n_positive === c.n) continue;
      const choice = findThreshold(c.y_true, c.y_score, 'f1', { sampleWeight: c.sample_weight ?? undefined });
      assert.ok(choice.metrics.f1 >= c.at_threshold['0.5'].f1 - 1e-12, c.name);
      compared++;
    }
    assert.ok(compared >= 20);
  });
});
