import { ConfigError, show } from '../errors.js';
import { canonicalName } from '../utils/names.js';
import { Adagrad, type AdagradArgs } from './adagrad.js';
import { Adam, type AdamArgs } from './adam.js';
import { Adamw, type AdamwArgs } from './adamw.js';
import type { Optimizer, OptimizerConfig, OptimizerName } from './optimizer.js';
import { Rmsprop, type RmspropArgs } from './rmsprop.js';
import { scheduleFromConfig, type ScheduleConfig } from './schedules.js';
import { Sgd, type SgdArgs } from './sgd.js';

const constructors: Record<OptimizerName, (args: Record<string, unknown>) => Optimizer> = {
  sgd: (a) => new Sgd(a as SgdArgs),
  rmsprop: (a) => new Rmsprop(a as RmspropArgs),
  adam: (a) => new Adam(a as AdamArgs),
  adamw: (a) => new Adamw(a as AdamwArgs),
  adagrad: (a) => new Adagrad(a as AdagradArgs),
};

const aliases: Record<string, OptimizerName> = {
  SGD: 'sgd', RMSprop: 'rmsprop', RMSProp: 'rmsprop', Adam: 'adam', AdamW: 'adamw', adamW: 'adamw', Adagrad: 'adagrad',
};

export const optimizerNames = Object.keys(constructors) as OptimizerName[];

/** Resolves an optimizer from a Keras name, a saved config, or an Optimizer instance. */
export function getOptimizer(identifier: string | OptimizerConfig | Optimizer): Optimizer {
  if (typeof identifier === 'object' && identifier !== null && 'apply' in identifier) return identifier as Optimizer;
  const raw = typeof identifier === 'string' ? identifier : identifier?.className;
  const name = canonicalName(raw, constructors, aliases);
  if (name === undefined) {
    throw new ConfigError(
      'config/unknown-optimizer',
      `Unknown optimizer ${show(raw)}; expected one of ${optimizerNames.join(', ')} ` +
        "(or an instance such as nn.optimizers.adam({ learningRate: 1e-3 })).",
    );
  }
  if (typeof identifier === 'string') return constructors[name]({});
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(identifier.config ?? {})) {
    if (value === undefined || value === null) continue;
    // NOTE: a saved config holds finite numbers and booleans (and a schedule object for the
    // rate); a string such as "" would pass range checks by coercion and break the update.
    const schedule = key === 'learningRate' && typeof value === 'object';
    if (!schedule && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new ConfigError('config/optimizer-option', `${name} option ${key} should be a finite number or true / false but got ${show(value)}.`);
    }
    config[key] = key === 'learningRate' && typeof value === 'object' ? scheduleFromConfig(value as ScheduleConfig) : value;
  }
  return constructors[name](config);
}

/** Factories for the public `nn.optimizers` namespace. */
export const optimizers = {
  sgd: (args: SgdArgs = {}) => new Sgd(args),
  rmsprop: (args: RmspropArgs = {}) => new Rmsprop(args),
  adam: (args: AdamArgs = {}) => new Adam(args),
  adamw: (args: AdamwArgs = {}) => new Adamw(args),
  adagrad: (args: AdagradArgs = {}) => new Adagrad(args),
};
