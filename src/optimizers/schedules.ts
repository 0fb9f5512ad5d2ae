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
  if (typeof value !== 'number' || !(value > 0)) {
    throw new ConfigError('config/schedule', `${what} should be a positive number but got ${show(value)}.`);
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
    initialLearningRate: options.initialLearningRate,
    decaySteps: positive(options.decaySteps, 'cosineDecay decaySteps'),
    alpha: options.alpha ?? 0,
    warmupTarget: options.warmupTarget,
    warmupSteps: options.warmupSteps ?? 0,
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
  const schedule = (step: number) => {
    for (let i = 0; i < config.boundaries.length; i++) if (step <= config.boundaries[i]) return config.values[i];
    return config.values[config.values.length - 1];
  };
  return Object.assign(schedule, { config: { className: 'piecewise_constant_decay' as const, config } });
}

export function scheduleFromConfig(config: ScheduleConfig): LearningRateSchedule {
  switch (config.className) {
    case 'exponential_decay': return exponentialDecay(config.config);
    case 'cosine_decay': return cosineDecay(config.config);
    case 'piecewise_constant_decay': return piecewiseConstantDecay(config.config);
    default:
      throw new ConfigError('config/schedule', `Unknown learning-rate schedule ${show((config as { className: unknown }).className)}.`);
  }
}
