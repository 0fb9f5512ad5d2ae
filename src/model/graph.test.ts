// Inference through the graph: the leading Dense layers run as one kernels().compute.denseChain call,
// which must give exactly what the layers give one by one (the training-mode forward, which
// never chains), whatever follows the chain.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kernels, setKernels } from '../kernels/backend.js';
import type { DenseStep } from '../kernels/kernels.js';
import { layers } from '../layers/registry.js';
import { setSeed } from '../random/random.js';
import { Tensor } from '../tensor/tensor.js';
import type { Model } from './model.js';
import { sequential } from './sequential.js';

function input(rows: number, cols: number): Tensor {
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37) * 2;
  return new Tensor(data, [rows, cols]);
}

function assertSameBits(model: Model, x: Tensor): void {
  const graph = model.modelGraph;
  const layered = Float32Array.from(graph.forward(x, true).data);
  const chained = graph.forward(x, false).data;
  assert.equal(chained.length, layered.length);
  for (let i = 0; i < layered.length; i++) {
    if (!Object.is(chained[i], layered[i])) {
      assert.fail(`output ${i}: ${chained[i]} at inference, ${layered[i]} layer by layer`);
    }
  }
}

describe('inference runs the leading Dense layers as one chain', () => {
  it('a Dense-only binary classifier, bit for bit, with odd batch sizes', () => {
    setSeed(3);
    const model = sequential([
      layers.dense({ units: 37, activation: 'relu', inputShape: [13] }),
      layers.dense({ units: 9, activation: 'tanh', useBias: false }),
      layers.dense({ units: 1, activation: 'sigmoid' }),
    ]);
    for (const rows of [1, 2, 5, 1025]) assertSameBits(model, input(rows, 13));
  });

  it('stops at the first layer it cannot chain (elu, softmax); the rest runs as usual', () => {
    setSeed(4);
    const model = sequential([
      layers.dense({ units: 16, activation: 'relu', inputShape: [6] }),
      layers.dense({ units: 8, activation: 'relu' }),
      layers.dense({ units: 5, activation: 'elu' }),
      layers.dense({ units: 3, activation: 'softmax' }),
    ]);
    for (const rows of [1, 9, 64]) assertSameBits(model, input(rows, 6));
  });

  it('runs every chainable layer in one denseChain call, and none while training', () => {
    setSeed(5);
    const model = sequential([
      layers.dense({ units: 4, activation: 'relu', inputShape: [3] }),
      layers.dense({ units: 2, activation: 'tanh' }),
      layers.dropout({ rate: 0.5 }),
      layers.dense({ units: 1, activation: 'sigmoid' }),
    ]);
    const active = kernels();
    const chains: number[] = [];
    const denseChain = (x: Float32Array, m: number, k: number, steps: readonly DenseStep[]) => {
      chains.push(steps.length);
      active.compute.denseChain(x, m, k, steps);
    };
    setKernels({ ...active, name: 'counting', compute: { ...active.compute, denseChain } });
    try {
      model.modelGraph.forward(input(7, 3), false);
      model.modelGraph.forward(input(7, 3), true);
    } finally {
      setKernels(active);
    }
    assert.deepEqual(chains, [2], 'the two leading Dense layers, once, at inference only');
  });

  it('a wrong feature count still gets the layer’s own error', () => {
    const model = sequential([layers.dense({ units: 2, inputShape: [3] })]);
    assert.throws(() => model.modelGraph.forward(input(2, 4), false), /expects 3 input features but got 4/);
  });
});
