import { ConfigError, show } from '../errors.js';

/**
 * Weight penalties added to the loss, as in Keras: l1 · Σ|w| + l2 · Σw².
 * Keras' defaults: `l1` and `l2` alone use 0.01; `l1l2` uses 0 for whichever is not given.
 */
export interface RegularizerConfig {
  readonly className: 'l1' | 'l2' | 'l1_l2';
  readonly config: { readonly l1: number; readonly l2: number };
}

export type RegularizerLike = 'l1' | 'l2' | 'l1_l2' | 'l1l2' | RegularizerConfig;

export function l1(value = 0.01): RegularizerConfig {
  return { className: 'l1', config: { l1: value, l2: 0 } };
}

export function l2(value = 0.01): RegularizerConfig {
  return { className: 'l2', config: { l1: 0, l2: value } };
}

export function l1l2(options: { l1?: number; l2?: number } = {}): RegularizerConfig {
  return { className: 'l1_l2', config: { l1: options.l1 ?? 0, l2: options.l2 ?? 0 } };
}

export function regularizerConfig(like: RegularizerLike): RegularizerConfig {
  if (like === 'l1') return l1();
  if (like === 'l2') return l2();
  if (like === 'l1_l2' || like === 'l1l2') return l1l2();
  if (typeof like === 'object' && like !== null && (like.className === 'l1' || like.className === 'l2' || like.className === 'l1_l2')) {
    // NOTE: a loaded model.json may hold anything here; check the shape before reading it.
    const config: unknown = like.config;
    const strengths = (typeof config === 'object' && config !== null ? config : {}) as { l1?: unknown; l2?: unknown };
    const a = strengths.l1;
    const b = strengths.l2;
    if (typeof a !== 'number' || typeof b !== 'number' || !(a >= 0 && b >= 0 && Number.isFinite(a + b))) {
      throw new ConfigError('config/regularizer', `Regularizer strengths must be non-negative numbers but got l1=${show(a)}, l2=${show(b)}.`);
    }
    return { className: like.className, config: { l1: a, l2: b } };
  }
  throw new ConfigError(
    'config/unknown-regularizer',
    `Unknown regularizer ${show(like)}; expected 'l1', 'l2', 'l1_l2' or nn.regularizers.l2(0.01).`,
  );
}

/** The penalty for weights `w`. */
export function penalty(config: RegularizerConfig, w: Float32Array): number {
  const { l1: a, l2: b } = config.config;
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += a * Math.abs(w[i]) + b * w[i] * w[i];
  return sum;
}

/** Adds the penalty's gradient to `grad`: l1 · sign(w) + 2 · l2 · w. */
export function addPenaltyGradient(config: RegularizerConfig, w: Float32Array, grad: Float32Array): void {
  const { l1: a, l2: b } = config.config;
  for (let i = 0; i < w.length; i++) grad[i] += a * Math.sign(w[i]) + 2 * b * w[i];
}
