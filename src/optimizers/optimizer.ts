import { ConfigError, show } from '../errors.js';
import { kernels } from '../kernels/backend.js';
import type { Variable } from '../layers/variable.js';
import type { LearningRateSchedule, ScheduleConfig } from './schedules.js';

export type OptimizerName = 'sgd' | 'rmsprop' | 'adam' | 'adamw' | 'adagrad';

/** Options every optimizer accepts, with Keras 3's meanings. */
export interface OptimizerArgs {
  learningRate?: number | LearningRateSchedule;
  /** Clip each variable's gradient to this L2 norm. */
  clipnorm?: number;
  /** Clip all gradients together to this global L2 norm. */
  globalClipnorm?: number;
  /** Clip each gradient value to [−clipvalue, clipvalue]. */
  clipvalue?: number;
}

export interface OptimizerConfig {
  readonly className: OptimizerName;
  readonly config: Readonly<Record<string, number | boolean | ScheduleConfig | undefined>>;
}

/**
 * The shared optimizer machinery: gradient clipping, the learning rate (a number or a schedule
 * of the step), the step counter, and state buffers the size of the flat parameter buffer.
 * Subclasses write `update` as a loop over flat parameters (w), gradients (g) and state.
 */
export abstract class Optimizer {
  abstract readonly name: OptimizerName;
  iterations = 0;
  private rate: number | LearningRateSchedule;
  readonly clipnorm: number | undefined;
  readonly globalClipnorm: number | undefined;
  readonly clipvalue: number | undefined;
  protected variables: Variable[] = [];
  /** Per-parameter state arrays (moments, velocities...), each as long as all parameters. */
  state: Float32Array[] = [];

  constructor(args: OptimizerArgs, defaultLearningRate: number) {
    this.rate = args.learningRate ?? defaultLearningRate;
    // NOTE: anything but a positive finite number or a schedule (a loaded file may hold a string)
    // would surface later as a TypeError or a NaN step.
    if (typeof this.rate === 'number' ? !(this.rate > 0 && Number.isFinite(this.rate)) : typeof this.rate !== 'function') {
      throw new ConfigError('config/learning-rate', `learningRate should be a positive number but got ${show(this.rate)}.`);
    }
    const clips = [args.clipnorm, args.globalClipnorm, args.clipvalue].filter((v) => v !== undefined);
    if (clips.length > 1) {
      throw new ConfigError(
        'config/clipping',
        'Only one of clipnorm, globalClipnorm and clipvalue can be set (as in Keras); keep the one you need.',
      );
    }
    for (const v of clips) {
      if (typeof v !== 'number' || !(v > 0)) throw new ConfigError('config/clipping', `Clipping values must be positive numbers but got ${show(v)}.`);
    }
    this.clipnorm = args.clipnorm;
    this.globalClipnorm = args.globalClipnorm;
    this.clipvalue = args.clipvalue;
  }

  /** The rate the next step will use. */
  get learningRate(): number {
    return typeof this.rate === 'number' ? this.rate : this.rate(this.iterations);
  }

  set learningRate(value: number) {
    if (typeof this.rate !== 'number') {
      throw new ConfigError('config/learning-rate', 'This optimizer follows a learning-rate schedule; its rate cannot be set directly.');
    }
    this.rate = value;
  }

  get usesSchedule(): boolean {
    return typeof this.rate !== 'number';
  }

  /** How many state arrays the optimizer keeps per parameter. */
  protected abstract stateCount(): number;
  protected initialState(_index: number): number {
    return 0;
  }
  /** One step over the flat parameters w with gradients g at learning rate lr. */
  protected abstract update(w: Float32Array, g: Float32Array, lr: number, step: number): void;

  /** Binds the optimizer to the model's trainable variables and their flat buffers. */
  build(variables: Variable[], parameterCount: number): void {
    this.variables = variables;
    if (this.state.length === this.stateCount() && this.state.every((s) => s.length === parameterCount)) return;
    this.state = Array.from({ length: this.stateCount() }, (_, i) => kernels().memory.alloc(parameterCount).fill(this.initialState(i)));
  }

  /** Applies one update to `params` from `grads` (flat buffers that the variables view). */
  apply(params: Float32Array, grads: Float32Array): void {
    this.clip(grads);
    const lr = this.learningRate;
    this.update(params, grads, lr, this.iterations + 1);
    this.iterations++;
  }

  private clip(grads: Float32Array): void {
    if (this.clipvalue !== undefined) {
      const c = this.clipvalue;
      for (let i = 0; i < grads.length; i++) grads[i] = Math.min(c, Math.max(-c, grads[i]));
    } else if (this.clipnorm !== undefined) {
      for (const v of this.variables) scaleToNorm(v.grad, this.clipnorm, norm(v.grad));
    } else if (this.globalClipnorm !== undefined) {
      scaleToNorm(grads, this.globalClipnorm, norm(grads));
    }
  }

  protected baseConfig(): Record<string, number | ScheduleConfig | undefined> {
    return {
      learningRate: typeof this.rate === 'number' ? this.rate : this.rate.config,
      clipnorm: this.clipnorm,
      globalClipnorm: this.globalClipnorm,
      clipvalue: this.clipvalue,
    };
  }

  abstract getConfig(): OptimizerConfig;
}

function norm(x: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * x[i];
  return Math.sqrt(sum);
}

function scaleToNorm(x: Float32Array, maxNorm: number, current: number): void {
  if (current <= maxNorm) return;
  const scale = maxNorm / current;
  for (let i = 0; i < x.length; i++) x[i] *= scale;
}
