import { ConfigError, show } from '../errors.js';

/** Validation of metric options at construction (the boundary), with messages that teach. */

export function checkName(owner: string, name: unknown, fallback: string): string {
  if (name === undefined) return fallback;
  if (typeof name !== 'string' || name.length === 0) {
    throw new ConfigError('config/metric-name', `${owner}: name must be a non-empty string but got ${show(name)}.`);
  }
  return name;
}

/** A finite threshold, or undefined to use the model's threshold at update time. */
export function checkThreshold(owner: string, key: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    throw new ConfigError(
      'config/threshold-list',
      `${owner}: ${key} must be one number but got a list; create one metric per threshold ` +
        `(e.g. precision({ ${key}: 0.3, name: 'precision_at_0.3' })).`,
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError('config/threshold', `${owner}: ${key} must be a finite number such as 0.5 but got ${show(value)}.`);
  }
  return value;
}

export function checkClassId(owner: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ConfigError('config/class-id', `${owner}: classId must be a class index 0, 1, 2, ... but got ${show(value)}.`);
  }
  return value;
}

export function checkPositiveInteger(owner: string, key: string, value: unknown, fallback: number, minimum = 1): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new ConfigError('config/integer', `${owner}: ${key} must be an integer >= ${minimum} but got ${show(value)}.`);
  }
  return value;
}

export function checkBoolean(owner: string, key: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError('config/boolean', `${owner}: ${key} must be true or false but got ${show(value)}.`);
  return value;
}

export function checkChoice<T extends string>(owner: string, key: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ConfigError(
      'config/choice',
      `${owner}: ${key} must be one of ${choices.map((c) => `'${c}'`).join(', ')} but got ${show(value)}.`,
    );
  }
  return value as T;
}

/** Drops undefined entries so a config is plain JSON that round-trips exactly. */
export function compact(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}
