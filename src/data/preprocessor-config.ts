import { ConfigError, show } from '../errors.js';
import type { Decimal } from './table.js';

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
  /**
   * A `<name>=<other>` column, shared by the training categories that got no column of their
   * own (rarer than minFrequency, or past maxCategories) and by categories unseen in training.
   */
  readonly other: boolean;
  /** A `<name>=<missing>` column (missing values seen in training, policy 'category'). */
  readonly missingSlot: boolean;
  /** The category missing values get (policy 'most-frequent'), or null. */
  readonly fill: string | null;
}

export type FeatureColumnConfig = NumericFeatureConfig | BooleanFeatureConfig | CategoricalFeatureConfig;

/** Which training categories get a one-hot column of their own; the others share `<other>`. */
export interface CategoryPolicy {
  /** At most this many per column, the most frequent. */
  readonly maxCategories: number;
  /** Only categories seen in at least this many training rows (scikit-learn's min_frequency). */
  readonly minFrequency: number;
}

export interface PreprocessorConfig {
  readonly format: 'nnkit.preprocessor';
  /** 2 today; version 1 (saves before decimal, ignoredColumns and categoryPolicy) still loads. */
  readonly version: 1 | 2;
  /** Tokens read as missing in raw rows, case-insensitively. */
  readonly missingValues: readonly string[];
  /** The decimal separator of numbers in raw rows. Absent in version 1: '.'. */
  readonly decimal?: Decimal;
  /** Columns of the training data that were ignored: dropped quietly from new rows. Version 1: none. */
  readonly ignoredColumns?: readonly string[];
  /** How categories got their columns. Absent in version 1 (then: the 50 most frequent, any count). */
  readonly categoryPolicy?: CategoryPolicy;
  readonly columns: readonly FeatureColumnConfig[];
}

/**
 * Validates an untrusted object (e.g. from model.json) as a PreprocessorConfig, naming the first
 * wrong field by its path from `root` (e.g. `pipeline.preprocessor.columns[2].std`).
 */
export function parsePreprocessorConfig(value: unknown, root = 'config'): PreprocessorConfig {
  const config = record(value, root);
  if (config.format !== 'nnkit.preprocessor') fail(`${root}.format`, config.format, '"nnkit.preprocessor"');
  if (config.version !== 1 && config.version !== 2) fail(`${root}.version`, config.version, '1 or 2');
  const missingValues = strings(config.missingValues, `${root}.missingValues`);
  if (!Array.isArray(config.columns) || config.columns.length === 0) fail(`${root}.columns`, config.columns, 'a non-empty array');
  const policy = config.version === 2 ? categoryPolicy(config.categoryPolicy, `${root}.categoryPolicy`) : undefined;
  const names = new Set<string>();
  const columns = (config.columns as unknown[]).map((item, index) => {
    const column = featureColumn(item, `${root}.columns[${index}]`, policy);
    if (names.has(column.name)) fail(`${root}.columns[${index}].name`, column.name, 'a name distinct from the other columns');
    names.add(column.name);
    return column;
  });
  if (config.version === 1) return { format: 'nnkit.preprocessor', version: 1, missingValues, columns };
  if (config.decimal !== '.' && config.decimal !== ',') fail(`${root}.decimal`, config.decimal, '"." or ","');
  const ignoredColumns = strings(config.ignoredColumns, `${root}.ignoredColumns`);
  ignoredColumns.forEach((name, index) => {
    if (name === '' || names.has(name)) fail(`${root}.ignoredColumns[${index}]`, name, 'a non-empty name distinct from the columns');
    names.add(name);
  });
  return { format: 'nnkit.preprocessor', version: 2, missingValues, decimal: config.decimal as Decimal, ignoredColumns, categoryPolicy: policy, columns };
}

function categoryPolicy(value: unknown, path: string): CategoryPolicy {
  const policy = record(value, path);
  return { maxCategories: count(policy.maxCategories, `${path}.maxCategories`), minFrequency: count(policy.minFrequency, `${path}.minFrequency`) };
}

function featureColumn(value: unknown, path: string, policy: CategoryPolicy | undefined): FeatureColumnConfig {
  const column = record(value, path);
  const name = column.name;
  if (typeof name !== 'string' || name === '') fail(`${path}.name`, name, 'a non-empty string');
  if (column.kind === 'numeric') {
    const std = finite(column.std, `${path}.std`);
    if (!(std > 0)) fail(`${path}.std`, std, 'a positive number');
    return { name, kind: 'numeric', mean: finite(column.mean, `${path}.mean`), std, indicator: bool(column.indicator, `${path}.indicator`) };
  }
  if (column.kind === 'boolean') {
    if (column.fill !== 0 && column.fill !== 1) fail(`${path}.fill`, column.fill, '0 or 1');
    return { name, kind: 'boolean', fill: column.fill, indicator: bool(column.indicator, `${path}.indicator`) };
  }
  if (column.kind === 'categorical') {
    const categories = strings(column.categories, `${path}.categories`);
    if (new Set(categories).size !== categories.length) fail(`${path}.categories`, column.categories, 'distinct strings');
    if (policy !== undefined && categories.length > policy.maxCategories) {
      fail(`${path}.categories`, column.categories, `at most categoryPolicy.maxCategories (${policy.maxCategories}) strings`);
    }
    const fill = column.fill;
    if (fill !== null && !(typeof fill === 'string' && categories.includes(fill))) fail(`${path}.fill`, fill, 'null or one of the categories');
    const other = bool(column.other, `${path}.other`);
    const missingSlot = bool(column.missingSlot, `${path}.missingSlot`);
    if (categories.length === 0 && !other && !missingSlot) fail(`${path}.categories`, column.categories, 'categories, or other or missingSlot true');
    return { name, kind: 'categorical', categories, other, missingSlot, fill };
  }
  return fail(`${path}.kind`, column.kind, '"numeric", "boolean" or "categorical"');
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
  return value;
}

function count(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) fail(path, value, 'a whole number of 1 or more');
  return value as number;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, value, 'true or false');
  return value;
}
