import { ConfigError, show } from '../errors.js';
import { canonicalName } from '../utils/names.js';

/**
 * Activations as a table of forward / backward functions over flat row-major buffers.
 * forward: z (rows, cols) → y (rows, cols).
 * backward: given z, y and dy (rows, cols) → dz (rows, cols).
 * Backward goes through the saved output where that is stable (sigmoid: y·(1−y)).
 */
export type ActivationName =
  | 'linear' | 'relu' | 'sigmoid' | 'softmax' | 'tanh' | 'leaky_relu' | 'elu' | 'selu' | 'gelu'
  | 'swish' | 'softplus' | 'softsign' | 'hard_sigmoid';

export interface Activation {
  readonly name: ActivationName;
  forward(z: Float32Array, y: Float32Array, rows: number, cols: number): void;
  backward(z: Float32Array, y: Float32Array, dy: Float32Array, dz: Float32Array, rows: number, cols: number): void;
}

/** Builds an element-wise activation from f(z) and f'(z, y). */
function elementwise(
  name: ActivationName,
  f: (z: number) => number,
  derivative: (z: number, y: number) => number,
): Activation {
  return {
    name,
    forward(z, y, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) y[i] = f(z[i]);
    },
    backward(z, y, dy, dz, rows, cols) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) dz[i] = dy[i] * derivative(z[i], y[i]);
    },
  };
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
// NOTE: Keras 3's leaky_relu activation function defaults to negative_slope 0.2.
const LEAKY_SLOPE = 0.2;

function sigmoid(z: number): number {
  // NOTE: two branches so exp never overflows for large |z|.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The error function, for the exact gelu. */
export function erf(x: number): number {
  // NOTE: the Maclaurin series for |x| < 2 and a continued fraction for erfc beyond, both
  // accurate to about 1e-15: far more than float32 activations need.
  const ax = Math.abs(x);
  if (ax < 2) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 1; k < 60; k++) {
      term *= -x2 / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc via Lentz continued fraction
  let f = ax;
  let c = ax;
  let d = 0;
  for (let k = 1; k < 200; k++) {
    const a = k / 2;
    d = ax + a * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = ax + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / (f * Math.sqrt(Math.PI));
  return x > 0 ? 1 - erfc : erfc - 1;
}

const softmax: Activation = {
  name: 'softmax',
  forward(z, y, rows, cols) {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      // NOTE: subtract the row max so exp never overflows.
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (z[o + j] > max) max = z[o + j];
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(z[o + j] - max);
        y[o + j] = e;
        sum += e;
      }
      for (let j = 0; j < cols; j++) y[o + j] /= sum;
    }
  },
  backward(z, y, dy, dz, rows, cols) {
    // dz_j = y_j (dy_j − Σ_k dy_k y_k)
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += dy[o + j] * y[o + j];
      for (let j = 0; j < cols; j++) dz[o + j] = y[o + j] * (dy[o + j] - dot);
    }
  },
};

const table: Record<ActivationName, Activation> = {
  linear: elementwise('linear', (z) => z, () => 1),
  relu: elementwise('relu', (z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0)),
  sigmoid: elementwise('sigmoid', sigmoid, (_z, y) => y * (1 - y)),
  softmax,
  tanh: elementwise('tanh', Math.tanh, (_z, y) => 1 - y * y),
  leaky_relu: elementwise('leaky_relu', (z) => (z > 0 ? z : LEAKY_SLOPE * z), (z) => (z > 0 ? 1 : LEAKY_SLOPE)),
  elu: elementwise('elu', (z) => (z > 0 ? z : Math.expm1(z)), (z, y) => (z > 0 ? 1 : y + 1)),
  selu: elementwise(
    'selu',
    (z) => SELU_SCALE * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
    (z) => SELU_SCALE * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)),
  ),
  // NOTE: Keras 3's gelu defaults to the exact erf form (approximate=False).
  gelu: elementwise(
    'gelu',
    (z) => 0.5 * z * (1 + erf(z / Math.SQRT2)),
    (z) => 0.5 * (1 + erf(z / Math.SQRT2)) + (z * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI),
  ),
  swish: elementwise(
    'swish',
    (z) => z * sigmoid(z),
    (z) => {
      const s = sigmoid(z);
      return s + z * s * (1 - s);
    },
  ),
  softplus: elementwise('softplus', softplus, (z) => sigmoid(z)),
  softsign: elementwise('softsign', (z) => z / (1 + Math.abs(z)), (z) => 1 / ((1 + Math.abs(z)) ** 2)),
  // NOTE: Keras 3 defines hard_sigmoid as relu6(x + 3) / 6, i.e. clip(x / 6 + 0.5, 0, 1).
  hard_sigmoid: elementwise(
    'hard_sigmoid',
    (z) => Math.min(1, Math.max(0, z / 6 + 0.5)),
    (z) => (z > -3 && z < 3 ? 1 / 6 : 0),
  ),
};

const aliases: Record<string, ActivationName> = {
  leakyRelu: 'leaky_relu', leakyrelu: 'leaky_relu', hardSigmoid: 'hard_sigmoid', hardsigmoid: 'hard_sigmoid',
  silu: 'swish', none: 'linear',
};

export const activationNames = Object.keys(table) as ActivationName[];

/** Resolves an activation by Keras' snake_case or camelCase name. */
export function getActivation(identifier: string | undefined | null): Activation {
  if (identifier === undefined || identifier === null) return table.linear;
  const name = canonicalName(identifier, table, aliases);
  if (name === undefined) {
    throw new ConfigError(
      'config/unknown-activation',
      `Unknown activation ${show(identifier)}; expected one of ${activationNames.join(', ')} ` +
        '(camelCase such as leakyRelu is accepted too).',
    );
  }
  return table[name];
}

/** Normalizes an identifier to its canonical snake_case name. */
export function activationName(identifier: string | undefined | null): ActivationName {
  return getActivation(identifier).name;
}
