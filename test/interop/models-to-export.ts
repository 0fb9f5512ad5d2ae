// Models with every layer and activation the Keras formats carry, their weights and
// BatchNormalization statistics randomized (seeded), for the export round trips.
import * as nn from '../../src/index.js';

const ACTIVATIONS = ['relu', 'tanh', 'elu', 'selu', 'gelu', 'swish', 'softplus', 'softsign', 'linear'] as const;

function randomize(model: nn.Model, seed: number): nn.Model {
  const random = new nn.Random(seed);
  for (const layer of model.layers) {
    for (const v of layer.weights) {
      for (let i = 0; i < v.value.length; i++) v.value[i] = v.name.endsWith('moving_variance') ? 0.5 + random.uniform() : random.uniform() * 2 - 1;
    }
  }
  return model;
}

/** Sequential, binary: Dense with each activation in turn, BatchNormalization, Dropout, Activation. */
export function sequentialModel(): nn.Model {
  const layers: nn.Layer[] = ACTIVATIONS.map((activation) => nn.layers.dense({ units: 6, activation }));
  layers.push(nn.layers.batchNormalization({ epsilon: 1e-3 }), nn.layers.dropout({ rate: 0.3 }), nn.layers.dense({ units: 1 }), nn.layers.activation({ activation: 'sigmoid' }));
  const model = nn.sequential(layers, { name: 'every_layer' });
  model.build([5]);
  return randomize(model, 1);
}

/** Functional, 3 classes: two branches joined by Add and Concatenate, a softmax output. */
export function functionalModel(): nn.Model {
  const x = nn.input({ shape: [4] });
  const a = nn.layers.dense({ units: 8, activation: 'relu' }).apply(x);
  const b = nn.layers.dense({ units: 8, activation: 'tanh', useBias: false }).apply(x);
  const sum = nn.layers.add().apply([a, b]);
  const joined = nn.layers.concatenate().apply([sum, nn.layers.batchNormalization({ center: false }).apply(b)]);
  const out = nn.layers.dense({ units: 3, activation: 'softmax' }).apply(nn.layers.dropout({ rate: 0.2 }).apply(joined));
  return randomize(nn.model({ inputs: x, outputs: out, name: 'branches' }), 2);
}

/** Seeded rows in [-2, 2). */
export function randomRows(rows: number, cols: number, seed: number): number[][] {
  const random = new nn.Random(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => random.uniform() * 4 - 2));
}
