import { ConfigError, show } from '../errors.js';

/**
 * The Preprocessor's saved form: typed JSON stored in model.json, so predict on raw rows applies
 * exactly the transformation fitted on the training rows. `parsePreprocessorConfig` checks every
 * field of an untrusted object and names the first wrong one.
 */
export interface NumericFeatureConfig {
  readonly name: string;
  readonly kind: 'numeric';
  /** Training mean (missing values are imputed with it) and standard deviation (0 stored as 1). */
  readonly mean: number;
  readonly std: number;
  /** Whether a `<name>_missing` 0/1 column follows (the column had missing training values). */
  readonly indicator: boolean;
}

export interface BooleanFeatureConfig {
  readonly name: string;
  readonly kind: 'boolean';
  /** The value missing entries get: the most frequent one in training. */
  readonly fill: 0 | 1;
  readonly indicator: boolean;
}

export interface CategoricalFeatureConfig {
  readonly name: string;
  readonly kind: 'categorical';
  /** One one-hot column each, most frequent first. */
  readonly categories: readonly string[];
  /** A `<name>=<other>` column for categories past maxCategories in training, and unseen ones. */
  readonly other: boolean;
  /** A `<name>=<missing>` column (missing values seen in training, policy 'category'). */
  readonly missingSlot: boolean;
  /** The category missing values get (policy 'most-frequent'), or null. */
  readonly fill: string | null;
}

export type FeatureColumnConfig = NumericFeatureConfig | BooleanFeatureConfig | CategoricalFeatureConfig;

export interface PreprocessorConfig {
  readonly format: 'nnkit.preprocessor';
  readonly version: 1;
  /** Tokens read as missing in raw rows, case-insensitively. */
  readonly missingValues: readonly string[];
  readonly columns: readonly FeatureColumnConfig[];
}

/** Validates an untrusted object (e.g. from model.json) as a PreprocessorConfig. */
export function parsePreprocessorConfig(value: unknown): PreprocessorConfig {
  const root = record(value, 'config');
  if (root.format !== 'nnkit.preprocessor') fail('config.format', root.format, '"nnkit.preprocessor"');
  if (root.version !== 1) fail('config.version', root.version, '1');
  const missingValues = strings(root.missingValues, 'config.missingValues');
  if (!Array.isArray(root.columns)) fail('config.columns', root.columns, 'an array');
  const names = new Set<string>();
  const columns = (root.columns as unknown[]).map((item, index): FeatureColumnConfig => {
    const path = `config.columns[${index}]`;
    const column = record(item, path);
    const name = column.name;
    if (typeof name !== 'string' || name === '' || names.has(name)) fail(`${path}.name`, name, 'a distinct non-empty string');
    names.add(name as string);
    if (column.kind === 'numeric') {
      const std = finite(column.std, `${path}.std`);
      if (!(std > 0)) fail(`${path}.std`, std, 'a positive number');
      return { name: name as string, kind: 'numeric', mean: finite(column.mean, `${path}.mean`), std, indicator: bool(column.indicator, `${path}.indicator`) };
    }
    if (column.kind === 'boolean') {
      if (column.fill !== 0 && column.fill !== 1) fail(`${path}.fill`, column.fill, '0 or 1');
      return { name: name as string, kind: 'boolean', fill: column.fill as 0 | 1, indicator: bool(column.indicator, `${path}.indicator`) };
    }
    if (column.kind === 'categorical') {
      const categories = strings(column.categories, `${path}.categories`);
      if (new Set(categories).size !== categories.length) fail(`${path}.categories`, column.categories, 'distinct strings');
      const fill = column.fill;
      if (fill !== null && !(typeof fill === 'string' && categories.includes(fill))) fail(`${path}.fill`, fill, 'null or one of the categories');
      return {
        name: name as string,
        kind: 'categorical',
        categories,
        other: bool(column.other, `${path}.other`),
        missingSlot: bool(column.missingSlot, `${path}.missingSlot`),
        fill: fill as string | null,
      };
    }
    return fail(`${path}.kind`, column.kind, '"numeric", "boolean" or "categorical"');
  });
  return { format: 'nnkit.preprocessor', version: 1, missingValues, columns };
}

function fail(path: string, value: unknown, expected: string): never {
  throw new ConfigError(
    'config/preprocessor',
    `The preprocessor configuration is invalid: ${path} is ${show(value)} but should be ${expected}. ` +
      'The model file may be damaged or from another tool; save the model again with nnkit.',
  );
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, value, 'an object');
  return value as Record<string, unknown>;
}

function strings(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) fail(path, value, 'an array of strings');
  return [...(value as string[])];
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, value, 'a finite number');
  return value as number;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, value, 'true or false');
  return value as boolean;
}
