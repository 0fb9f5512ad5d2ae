import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Tensor } from '../tensor/tensor.js';
import { averageWeight, ensembleModel } from './ensemble-model.js';
import { mlpClassifier } from './mlp-classifier.js';

// The ensemble's average of its members' probabilities stays a probability.

/** A member whose every output is saturated: the last layer's bias is huge for class 0. */
function saturated(classes: number) {
  const { model, loss } = mlpClassifier({ features: 3, classes, hidden: [4], dropout: 0 });
  const last = model.layers.at(-1) as unknown as { bias: { value: Float32Array }; kernel: { value: Float32Array } };
  last.kernel.value.fill(0);
  last.bias.value.fill(-100);
  last.bias.value[0] = 100;
  return { model, loss };
}

describe('ensembleModel', () => {
  test('a unanimous 1 averages to at most 1, for every member count (float32 1/k would round up)', () => {
    const x = new Tensor(Float32Array.from({ length: 12 }, (_, i) => i - 6), [4, 3]);
    for (const classes of [2, 10]) {
      for (let k = 2; k <= 100; k += k < 12 ? 1 : 22) {
        const members = Array.from({ length: k }, () => saturated(classes));
        const p = ensembleModel(members.map((m) => m.model), 3, members[0].loss).predictProbabilities(x, { verbose: 0 }).data;
        const top = classes === 2 ? p : p.filter((_, i) => i % classes === 0);
        for (const value of top) assert.ok(value <= 1 && value > 1 - 5 * k * 2 ** -24, `k ${k}, ${classes} classes: ${value}`);
        for (const value of p) assert.ok(value >= 0, `k ${k}: ${value}`);
      }
    }
    // The weights that sum to exactly one do round up: the case this guards against.
    const tenths = Array.from({ length: 10 }, () => Math.fround(0.1)).reduce((sum, w) => Math.fround(sum + w), 0);
    assert.ok(tenths > 1, `ten float32 tenths sum to ${tenths}`);
    assert.ok(averageWeight(10) * 10 < 1 && averageWeight(10) * 10 > 1 - 3e-6);
  });
});
