// Whole-model gradient checks: the gradient a training step hands to the optimizer equals the
// central-difference gradient of the model's loss (data loss + regularization) with respect to
// every parameter, through branches, merges, fused output activations and sample weights.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkGradients, uniformArray, type GradientTarget,
} from '../../test/helpers/gradient-check.js';
import { layers } from '../layers/registry.js';
import { input } from '../layers/input-layer.js';
import type { Variable } from '../layers/variable.js';
import type { Loss } from '../losses/loss.js';
import { getLoss } from '../losses/get-loss.js';
import { Optimizer, type OptimizerConfig } from '../optimizers/optimizer.js';
import { Random, setSeed } from '../random/random.js';
import { l1, l1l2, l2 } from '../regularizers/regularizers.js';
import { Tensor } from '../tensor/tensor.js';
import { model as functionalModel } from './functional.js';
import { modelPort, type Model } from './model.js';

/** An optimizer that records the gradient it is given and leaves the weights alone. */
class GradientProbe extends Optimizer {
  readonly name = 'sgd';
  captured = new Float32Array(0);

  constructor() {
    super({}, 1);
  }

  protected stateCount(): number {
    return 0;
  }

  protected update(_w: Float32Array, g: Float32Array): void {
    this.captured = g.slice();
  }

  getConfig(): OptimizerConfig {
    return { className: 'sgd', config: {} };
  }
}

const ROWS = 6;
const FEATURES = 4;

/**
 * input → dense(tanh, l1) ─┐
 *       → dense(softplus, l2) ─ add ─┐
 *       → dense(sigmoid, l1l2 bias) ─ concatenate → dense(output)
 */
function branchingModel(outputUnits: number, outputActivation: string): Model {
  const inputs = input({ shape: [FEATURES] });
  const left = layers.dense({ units: 5, activation: 'tanh', kernelRegularizer: l1(0.02) });
  const a = left.apply(inputs);
  const b = layers.dense({
    units: 5, activation: 'softplus', kernelRegularizer: l2(0.03),
    biasRegularizer: l1l2({ l1: 0.01, l2: 0.02 }),
  }).apply(inputs);
  const merged = layers.add().apply([a, b]);
  const c = layers.dense({ units: 3, activation: 'sigmoid' }).apply(inputs);
  const joined = layers.concatenate().apply([merged, c]);
  const output = layers.dense({
    units: outputUnits, activation: outputActivation, kernelRegularizer: l2(0.01),
  });
  const outputs = output.apply(joined);
  return functionalModel({ inputs, outputs });
}

function trainableVariables(m: Model): Variable[] {
  return m.modelGraph.layers.flatMap((layer) =>
    layer.trainable ? layer.weights.filter((w) => w.trainable) : []);
}

/** Weights of magnitude 0.1 to 0.8 with random signs: clear of the L1 kink at 0. */
function setKinkFreeWeights(m: Model): void {
  const random = new Random(99);
  for (const v of trainableVariables(m)) {
    for (let i = 0; i < v.size; i++) {
      const sign = random.uniform() < 0.5 ? -1 : 1;
      v.value[i] = sign * (0.1 + 0.7 * random.uniform());
    }
  }
}

interface Case {
  readonly title: string;
  readonly model: () => Model;
  readonly loss: Loss;
  readonly labels: Float32Array;
  readonly labelCols: number;
  readonly sampleWeight?: Float32Array;
  /** Runs before every forward pass (reseeding dropout). */
  readonly beforeForward?: () => void;
  /** Computes the objective with a training-mode forward (layers whose inference differs). */
  readonly trainingObjective?: boolean;
}

function checkModelGradient(c: Case): void {
  const m = c.model();
  const probe = new GradientProbe();
  m.compile({ optimizer: probe, loss: c.loss });
  const x = new Tensor(uniformArray(ROWS * FEATURES, -1, 1, 5), [ROWS, FEATURES]);
  const y = new Tensor(c.labels, [ROWS, c.labelCols]);
  const trainer = modelPort(m).prepare(FEATURES, 'gradient check');
  setKinkFreeWeights(m);
  c.beforeForward?.();
  trainer.trainBatch(x, y, c.sampleWeight);
  const gradient = probe.captured;
  const variables = trainableVariables(m);
  const parameterCount = variables.reduce((sum, v) => sum + v.size, 0);
  assert.equal(gradient.length, parameterCount, 'one gradient per trainable parameter');
  let offset = 0;
  const targets: GradientTarget[] = variables.map((v) => {
    const analytic = gradient.subarray(offset, offset + v.size);
    const target = { name: v.name, values: v.value, analytic };
    offset += v.size;
    return target;
  });
  const objective = c.trainingObjective
    ? () => {
        c.beforeForward?.();
        return trainer.trainBatch(x, y, c.sampleWeight);
      }
    : () => m.evaluate(x, y, { batchSize: ROWS, sampleWeight: c.sampleWeight }).loss;
  checkGradients(objective, targets);
}

const binaryLabels = new Float32Array([1, 0, 0, 1, 1, 0]);

describe('model loss gradient (every parameter, central differences)', () => {
  const cases: Case[] = [
    {
      title: 'branch + add + concatenate, sigmoid + binary_crossentropy (fused), L1/L2 penalties',
      model: () => branchingModel(1, 'sigmoid'),
      loss: getLoss('binary_crossentropy'),
      labels: binaryLabels,
      labelCols: 1,
    },
    {
      title: 'the same with sample weights',
      model: () => branchingModel(1, 'sigmoid'),
      loss: getLoss('binary_crossentropy'),
      labels: binaryLabels,
      labelCols: 1,
      sampleWeight: new Float32Array([1, 2, 0.5, 1, 3, 0]),
    },
    {
      title: 'linear output with binary_crossentropy from logits',
      model: () => branchingModel(1, 'linear'),
      loss: getLoss({
        className: 'binary_crossentropy', config: { fromLogits: true, labelSmoothing: 0.1 },
      }),
      labels: binaryLabels,
      labelCols: 1,
    },
    {
      title: 'two linear outputs with mean_squared_error',
      model: () => branchingModel(2, 'linear'),
      loss: getLoss('mean_squared_error'),
      labels: uniformArray(ROWS * 2, -1, 1, 8),
      labelCols: 2,
    },
    {
      title: 'softmax output with sparse_categorical_crossentropy (fused)',
      model: () => branchingModel(3, 'softmax'),
      loss: getLoss('sparse_categorical_crossentropy'),
      labels: new Float32Array([0, 2, 1, 1, 0, 2]),
      labelCols: 1,
    },
    {
      title: 'softmax output with categorical_crossentropy and label smoothing (fused)',
      model: () => branchingModel(3, 'softmax'),
      loss: getLoss({ className: 'categorical_crossentropy', config: { labelSmoothing: 0.2 } }),
      labels: new Float32Array([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1]),
      labelCols: 3,
    },
    {
      title: 'a softmax Activation layer as the output, fused with categorical_crossentropy',
      model: () => {
        const inputs = input({ shape: [FEATURES] });
        const hidden = layers.dense({ units: 4, activation: 'gelu' }).apply(inputs);
        const logits = layers.dense({ units: 3 }).apply(hidden);
        const outputs = layers.activation({ activation: 'softmax' }).apply(logits);
        return functionalModel({ inputs, outputs });
      },
      loss: getLoss('categorical_crossentropy'),
      labels: new Float32Array([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1]),
      labelCols: 3,
    },
    {
      title: 'dense → batch normalization → dropout → sigmoid in training mode',
      model: () => {
        const inputs = input({ shape: [FEATURES] });
        let h = layers.dense({ units: 5, activation: 'tanh' }).apply(inputs);
        h = layers.batchNormalization().apply(h);
        h = layers.dropout({ rate: 0.3 }).apply(h);
        const outputs = layers.dense({ units: 1, activation: 'sigmoid' }).apply(h);
        return functionalModel({ inputs, outputs });
      },
      loss: getLoss('binary_crossentropy'),
      labels: binaryLabels,
      labelCols: 1,
      beforeForward: () => setSeed(3),
      trainingObjective: true,
    },
  ];
  for (const c of cases) it(c.title, () => checkModelGradient(c));
});
