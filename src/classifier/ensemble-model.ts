import { Concatenate } from '../layers/concatenate.js';
import { Dense } from '../layers/dense.js';
import { input } from '../layers/input-layer.js';
import type { SymbolicTensor } from '../layers/base-layer.js';
import { Model } from '../model/model.js';

/**
 * One model from trained members of the same input and output: each member's Dense layers
 * (dropout does nothing at inference and is left out) as a branch named `member_<m>_<layer>`,
 * the branches' probabilities joined, and a fixed linear Dense layer `average` whose kernel
 * holds 1/k that averages them per class: (batch, features) → (batch, classes or 1). Being one
 * graph, it saves, loads, evaluates and exports to ONNX as any model does. Compiled with `loss`
 * for evaluate; its output is an average of probabilities, so the doctor's "linear output
 * under a probability loss" error does not apply.
 */
export function ensembleModel(members: readonly Model[], features: number, loss: string): Model {
  const x = input({ shape: [features] });
  const branches: SymbolicTensor[] = [];
  const copies: [Dense, Dense][] = [];
  members.forEach((member, m) => {
    let at = x;
    for (const layer of member.layers) {
      if (!(layer instanceof Dense)) continue;
      const copy = new Dense({ units: layer.units, activation: layer.activation.name, useBias: layer.useBias, name: `member_${m + 1}_${layer.name}` });
      at = copy.apply(at);
      copies.push([layer, copy]);
    }
    branches.push(at);
  });
  const units = (branches[0].shape[1] as number);
  const joined = new Concatenate({ name: 'members' }).apply(branches);
  const average = new Dense({ units, activation: 'linear', useBias: false, trainable: false, name: 'average' });
  const model = new Model({ inputs: x, outputs: average.apply(joined), name: 'ensemble_classifier' });
  for (const [from, to] of copies) {
    to.kernel!.value.set(from.kernel!.value);
    if (from.bias !== undefined && to.bias !== undefined) to.bias.value.set(from.bias.value);
  }
  // NOTE: kernel (k·units, units): row m·units + c feeds output c with weight averageWeight(k).
  const kernel = average.kernel!.value;
  kernel.fill(0);
  const weight = averageWeight(members.length);
  for (let m = 0; m < members.length; m++) for (let c = 0; c < units; c++) kernel[(m * units + c) * units + c] = weight;
  model.compile({ optimizer: 'adam', loss, metrics: ['accuracy'], silence: ['accuracy-paradox', 'output-not-probability'] });
  model.featureNames = members[0].featureNames;
  return model;
}

/**
 * The weight of each of k members in the average, a hair under 1/k. NOTE: weights of exactly 1/k
 * round a unanimous 1 up (ten float32 0.1s sum to 1.0000001), which is no probability and which
 * the metrics rightly refuse. A float32 sum of k products errs by at most about k·2^-24 of it in
 * any order (so in ONNX Runtime and TF.js too), so weights summing to 1 - 4k·2^-24 keep every
 * average within [0, 1]; each probability moves by under 4k·2^-24 of itself (2.4e-6 for ten).
 */
export function averageWeight(k: number): number {
  return (1 - 4 * k * 2 ** -24) / k;
}
