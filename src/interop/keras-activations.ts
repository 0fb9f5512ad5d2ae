import type { ActivationName } from '../activations/activations.js';
import type { KerasDialect } from './keras-graph.js';
import { unsupported } from './unsupported.js';

// NOTE: only the names that compute the same function on both sides. Keras 2 (and TF.js) define
// hard_sigmoid as clip(0.2·x + 0.5), nnkit and Keras 3 as clip(x / 6 + 0.5); Keras 2 and TF.js
// have no leaky_relu activation (Keras 3's slope is 0.2, as nnkit's). gelu is the exact erf form
// everywhere (Keras' approximate=False default, TF.js' 'gelu').
const SHARED: readonly ActivationName[] = [
  'linear', 'relu', 'sigmoid', 'softmax', 'tanh', 'elu', 'selu', 'gelu', 'swish', 'softplus', 'softsign',
];
const KERAS3_ONLY: readonly ActivationName[] = ['hard_sigmoid', 'leaky_relu'];
const ALIASES: Readonly<Record<string, ActivationName>> = { silu: 'swish' };

function known(dialect: KerasDialect): readonly ActivationName[] {
  return dialect === 'keras3' ? [...SHARED, ...KERAS3_ONLY] : SHARED;
}

/** The nnkit activation for a Keras one (a name, or Keras 3's `{class_name: 'function', config: name}`). */
export function activationFromKeras(value: unknown, dialect: KerasDialect, file: string, where: string): ActivationName {
  let name = value ?? 'linear';
  if (typeof name === 'object' && name !== null && typeof (name as { config?: unknown }).config === 'string') {
    name = (name as { config: string }).config;
  }
  if (typeof name !== 'string') {
    unsupported(file, where, `the activation ${JSON.stringify(value)} is not a built-in Keras activation; supported: ${known(dialect).join(', ')}.`);
  }
  const nnkitName = ALIASES[name] ?? (name as ActivationName);
  if (!known(dialect).includes(nnkitName)) {
    const why = KERAS3_ONLY.includes(nnkitName) ? ` (this file is ${dialect === 'keras2' ? 'Keras 2 / TF.js' : 'Keras 3'}, whose ${name} nnkit does not compute)` : '';
    unsupported(file, where, `the activation "${name}" cannot be imported${why}; supported: ${known(dialect).join(', ')}.`);
  }
  return nnkitName;
}

/** The Keras name of an nnkit activation, when that Keras computes the same function. */
export function activationToKeras(name: string, dialect: KerasDialect, format: string, where: string): string {
  if (!known(dialect).includes(name as ActivationName)) {
    unsupported(format, where, `the activation "${name}" has no identical equivalent in this format; it supports ${known(dialect).join(', ')}.`);
  }
  return name;
}
