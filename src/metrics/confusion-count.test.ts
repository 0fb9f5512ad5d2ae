import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchOf } from './batch-of.js';
import { ConfusionCount } from './confusion-count.js';

// Keras' documented examples for TruePositives, FalsePositives, TrueNegatives, FalseNegatives.
const CASES = [
  { cell: 'tp', yTrue: [0, 1, 1, 1], yPred: [1, 0, 1, 1], plain: 2, name: 'true_positives' },
  { cell: 'fp', yTrue: [0, 1, 0, 0], yPred: [0, 0, 1, 1], plain: 2, name: 'false_positives' },
  { cell: 'tn', yTrue: [0, 1, 0, 0], yPred: [1, 1, 0, 0], plain: 2, name: 'true_negatives' },
  { cell: 'fn', yTrue: [0, 1, 1, 1], yPred: [0, 1, 0, 0], plain: 2, name: 'false_negatives' },
] as const;

describe('ConfusionCount', () => {
  for (const c of CASES) {
    it(`${c.name} matches Keras' example: ${c.plain} unweighted, 1 with weights [0, 0, 1, 0]`, () => {
      const m = new ConfusionCount(c.cell);
      assert.equal(m.name, c.name);
      m.update(batchOf([...c.yTrue], [...c.yPred]));
      assert.equal(m.result(), c.plain);
      m.reset();
      m.update(batchOf([...c.yTrue], [...c.yPred], { sampleWeight: [0, 0, 1, 0] }));
      assert.equal(m.result(), 1);
    });
  }

  it("counts Keras' multi-column example element by element (7 false positives)", () => {
    const m = new ConfusionCount('fp');
    m.update(
      batchOf(
        [[0, 1, 0, 1, 0], [0, 0, 1, 1, 1], [1, 1, 1, 1, 0], [0, 0, 0, 0, 1]],
        [[0, 0, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 1, 1, 1]],
      ),
    );
    assert.equal(m.result(), 7);
  });

  it('says false positives and false negatives are better low', () => {
    assert.equal(new ConfusionCount('fp').direction, 'down');
    assert.equal(new ConfusionCount('fn').direction, 'down');
    assert.equal(new ConfusionCount('tp').direction, 'up');
  });
});
