import { ConfigError, show } from '../errors.js';

/** A learning rate that depends on the optimizer step (iterations before this update). */
export interface LearningRateSchedule {
  (step: number): number;
  readonly config: ScheduleConfig;
}

export type ScheduleConfig =
  | { readonly className: 'exponential_decay'; readonly config: { initialLearningRate: number; decaySteps: number; decayRate: number; staircase: boolean } }
  | { readonly className: 'cosine_decay'; readonly config: { initialLearningRate: number; decaySteps: number; alpha: number; warmupTarget?: number; warmupSteps: number } }
  | { readonly className: 'piecewise_constant_decay'; readonly config: { boundaries: number[]; values: number[] } };

function positive(value: number, what: string): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new ConfigError('config/schedule', `${what} should be a positive number but got ${show(value)}.`);
  }
  return value;
}

// NOTE: schedules are rebuilt from saved files, so every option is checked here: a string or
// null that slipped through would make every learning rate NaN.
function nonNegative(value: number, what: string): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new ConfigError('config/schedule', `${what} should be a number >= 0 but got ${show(value)}.`);
  }
  return value;
}

/** lr · rate^(step / decaySteps), the exponent floored when staircase (Keras ExponentialDecay). */
export function exponentialDecay(options: { initialLearningRate: number; decaySteps: number; decayRate: number; staircase?: boolean }): LearningRateSchedule {
  const config = {
    initialLearningRate: positive(options.initialLearningRate, 'exponentialDecay initialLearningRate'),
    decaySteps: positive(options.decaySteps, 'exponentialDecay decaySteps'),
    decayRate: positive(options.decayRate, 'exponentialDecay decayRate'),
    staircase: options.staircase ?? false,
  };
  if (typeof config.staircase !== 'boolean') {
    throw new ConfigError('config/schedule', `exponentialDecay staircase should be true or false but got ${show(options.staircase)}.`);
  }
  const schedule = (step: number) => {
    const p = step / config.decaySteps;
    return config.initialLearningRate * config.decayRate ** (config.staircase ? Math.floor(p) : p);
  };
  return Object.assign(schedule, { config: { className: 'exponential_decay' as const, config } });
}

/**
 * Keras CosineDecay: an optional linear warm-up from initialLearningRate to warmupTarget over
 * warmupSteps, then cosine decay over decaySteps down to alpha · (peak rate).
 */
export function cosineDecay(options: { initialLearningRate: number; decaySteps: number; alpha?: number; warmupTarget?: number; warmupSteps?: number }): LearningRateSchedule {
  const config = {
    initialLearningRate: nonNegative(options.initialLearningRate, 'cosineDecay initialLearningRate'),
    decaySteps: positive(options.decaySteps, 'cosineDecay decaySteps'),
    alpha: nonNegative(options.alpha ?? 0, 'cosineDecay alpha'),
    warmupTarget: options.warmupTarget === undefined ? undefined : nonNegative(options.warmupTarget, 'cosineDecay warmupTarget'),
    warmupSteps: nonNegative(options.warmupSteps ?? 0, 'cosineDecay warmupSteps'),
  };
  const schedule = (step: number) => {
    const { initialLearningRate, decaySteps, alpha, warmupTarget, warmupSteps } = config;
    if (warmupTarget !== undefined && step < warmupSteps) {
      return initialLearningRate + (warmupTarget - initialLearningRate) * (step / warmupSteps);
    }
    const peak = warmupTarget ?? initialLearningRate;
    const progress = Math.min(step - (warmupTarget === undefined ? 0 : warmupSteps), decaySteps) / decaySteps;
    const cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
    return peak * ((1 - alpha) * cosine + alpha);
  };
  return Object.assign(schedule, { config: { className: 'cosine_decay' as const, config } });
}

/** Keras PiecewiseConstantDecay: values[i] while step ≤ boundaries[i], the last value after. */
export function piecewiseConstantDecay(options: { boundaries: number[]; values: number[] }): LearningRateSchedule {
  if (!Array.isArray(options.boundaries) || !Array.isArray(options.values) || options.values.length !== options.boundaries.length + 1) {
    throw new ConfigError(
      'config/schedule',
      `piecewiseConstantDecay needs one more value than boundaries but got ${show(options.boundaries)} boundaries ` +
        `and ${show(options.values)} values.`,
    );
  }
  const config = { boundaries: [...options.boundaries], values: [...options.values] };
  config.values.forEach((v, i) => nonNegative(v, `piecewiseConstantDecay values[${i}]`));
  config.boundaries.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b) || (i > 0 && !(b > config.boundaries[i - 1]))) {
      throw new ConfigError('config/schedule', `piecewiseConstantDecay boundaries must be strictly increasing numbers but boundaries[${i}] is ${show(b)}.`);
    }
  });
  const schedule = (step: number) => {
    for (let i = 0; i < config.boundaries.length; i++) if (step <= config.boundaries[i]) return config.values[i];
    return config.values[config.values.length - 1];
  };
  return Object.assign(schedule, { config: { className: 'piecewise_constant_decay' as const, config } });
}

export function scheduleFromConfig(config: ScheduleConfig): LearningRateSchedule {
  const options: unknown = (config as { config?: unknown } | null)?.config;
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('config/schedule', `A learning-rate schedule needs { className, config: { ... } } but its config is ${show(options)}.`);
  }
  switch (config.className) {
    case 'exponential_decay': return exponentialDecay(config.config);
    case 'cosine_decay': return cosineDecay(config.config);
    case 'piecewise_constant_decay': return piecewiseConstantDecay(config.config);
    default:
      throw new ConfigError('config/schedule', `Unknown learning-rate schedule ${show((config as { className: unknown }).className)}.`);
  }
}
