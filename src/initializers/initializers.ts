import { ConfigError, show } from '../errors.js';
import { globalRandom, type Random } from '../random/random.js';

/**
 * Weight initializers with Keras 3's definitions. Fan-in / fan-out for a 2-D kernel
 * (inDim, units) are inDim and units; for a 1-D vector both are its length.
 */
export type InitializerName =
  | 'glorot_uniform' | 'glorot_normal' | 'he_normal' | 'he_uniform' | 'lecun_normal' | 'lecun_uniform'
  | 'zeros' | 'ones' | 'constant' | 'random_normal' | 'random_uniform' | 'truncated_normal';

export interface InitializerConfig {
  readonly className: InitializerName;
  readonly config: {
    readonly value?: number;
    readonly mean?: number;
    readonly stddev?: number;
    readonly minval?: number;
    readonly maxval?: number;
  };
}

export type InitializerLike = string | InitializerConfig;

function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

function fillUniform(out: Float32Array, limit: number, random: Random): void {
  for (let i = 0; i < out.length; i++) out[i] = (random.uniform() * 2 - 1) * limit;
}

// NOTE: Keras' truncated normal redraws values beyond two standard deviations.
function fillTruncated(out: Float32Array, mean: number, stddev: number, random: Random): void {
  for (let i = 0; i < out.length; i++) {
    let v = random.normal();
    while (Math.abs(v) > 2) v = random.normal();
    out[i] = mean + stddev * v;
  }
}

// NOTE: variance-scaling "normal" initializers use a truncated normal whose stddev is divided by
// .87962566103423978, the stddev of a unit normal truncated to [-2, 2], exactly as Keras does.
const TRUNCATION_CORRECTION = 0.8796256610342398;

const canonical: Record<string, InitializerName> = {
  glorotUniform: 'glorot_uniform', glorotNormal: 'glorot_normal', heNormal: 'he_normal',
  heUniform: 'he_uniform', lecunNormal: 'lecun_normal', lecunUniform: 'lecun_uniform',
  randomNormal: 'random_normal', randomUniform: 'random_uniform', truncatedNormal: 'truncated_normal',
  Zeros: 'zeros', Ones: 'ones', GlorotUniform: 'glorot_uniform', GlorotNormal: 'glorot_normal',
  HeNormal: 'he_normal', HeUniform: 'he_uniform', Constant: 'constant',
};

export const initializerNames: readonly InitializerName[] = [
  'glorot_uniform', 'glorot_normal', 'he_normal', 'he_uniform', 'lecun_normal', 'lecun_uniform',
  'zeros', 'ones', 'constant', 'random_normal', 'random_uniform', 'truncated_normal',
];

/** Normalizes a name or config to a typed config (camelCase and snake_case both accepted). */
export function initializerConfig(like: InitializerLike): InitializerConfig {
  const raw = typeof like === 'string' ? like : typeof like === 'object' && like !== null ? like.className : undefined;
  // NOTE: own keys only, so 'toString' or 'constructor' from a loaded file is an unknown name.
  const name = typeof raw !== 'string' ? undefined
    : (initializerNames as readonly string[]).includes(raw) ? (raw as InitializerName)
    : Object.hasOwn(canonical, raw) ? canonical[raw] : undefined;
  if (name === undefined) {
    throw new ConfigError(
      'config/unknown-initializer',
      `Unknown initializer ${show(raw)}; expected one of ${initializerNames.join(', ')}.`,
    );
  }
  return { className: name, config: typeof like === 'string' ? {} : { ...like.config } };
}

/** Fills `out` (a weight of `shape`) as the initializer prescribes, drawing from `random`. */
export function initialize(like: InitializerLike, shape: readonly number[], out: Float32Array, random: Random = globalRandom): void {
  const { className, config } = initializerConfig(like);
  const { fanIn, fanOut } = fans(shape);
  switch (className) {
    case 'zeros': out.fill(0); return;
    case 'ones': out.fill(1); return;
    case 'constant': out.fill(config.value ?? 0); return;
    case 'glorot_uniform': fillUniform(out, Math.sqrt(6 / (fanIn + fanOut)), random); return;
    case 'he_uniform': fillUniform(out, Math.sqrt(6 / fanIn), random); return;
    case 'lecun_uniform': fillUniform(out, Math.sqrt(3 / fanIn), random); return;
    case 'glorot_normal': fillTruncated(out, 0, Math.sqrt(2 / (fanIn + fanOut)) / TRUNCATION_CORRECTION, random); return;
    case 'he_normal': fillTruncated(out, 0, Math.sqrt(2 / fanIn) / TRUNCATION_CORRECTION, random); return;
    case 'lecun_normal': fillTruncated(out, 0, Math.sqrt(1 / fanIn) / TRUNCATION_CORRECTION, random); return;
    case 'truncated_normal': fillTruncated(out, config.mean ?? 0, config.stddev ?? 0.05, random); return;
    case 'random_normal': {
      const mean = config.mean ?? 0;
      const stddev = config.stddev ?? 0.05;
      for (let i = 0; i < out.length; i++) out[i] = mean + stddev * random.normal();
      return;
    }
    case 'random_uniform': {
      const lo = config.minval ?? -0.05;
      const hi = config.maxval ?? 0.05;
      for (let i = 0; i < out.length; i++) out[i] = lo + (hi - lo) * random.uniform();
      return;
    }
  }
}
