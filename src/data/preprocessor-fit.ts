import type { FeatureColumnConfig } from './preprocessor-config.js';
import type { Column } from './table.js';

/** How missing categorical values are encoded (numeric ones always get the mean + an indicator). */
export type CategoricalMissingPolicy = 'category' | 'most-frequent';

export interface FitColumnOptions {
  readonly maxCategories: number;
  readonly categoricalMissing: CategoricalMissingPolicy;
}

export interface FittedColumn {
  readonly config: FeatureColumnConfig;
  readonly warnings: readonly string[];
}

/**
 * Fits one column's preprocessing on the training rows only (`rows`: row indices; all rows when
 * absent). Statistics are accumulated in float64 over the non-missing values.
 */
export function fitColumn(column: Column, rows: ArrayLike<number> | undefined, options: FitColumnOptions): FittedColumn {
  const count = rows === undefined ? (column.kind === 'categorical' ? column.codes.length : column.values.length) : rows.length;
  const rowAt = rows === undefined ? (i: number) => i : (i: number) => rows[i];
  const name = column.name;
  const warnings: string[] = [];
  if (column.kind === 'categorical') {
    const perCode = new Float64Array(column.categories.length);
    let missing = 0;
    for (let i = 0; i < count; i++) {
      const code = column.codes[rowAt(i)];
      if (code < 0) missing++;
      else perCode[code]++;
    }
    const seen = column.categories.map((category, code) => ({ category, count: perCode[code] })).filter((entry) => entry.count > 0);
    seen.sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
    const categories = seen.slice(0, options.maxCategories).map((entry) => entry.category);
    const other = seen.length > options.maxCategories;
    if (other) {
      const looksLikeId = seen.length >= 0.5 * (count - missing);
      warnings.push(
        `Column ${JSON.stringify(name)} has ${seen.length} distinct values in ${count} training rows` +
          `${looksLikeId ? ' (it looks like an identifier: consider dropping it)' : ''}; the ${options.maxCategories} most ` +
          `frequent get their own column and the rest share "${name}=<other>" (raise maxCategories to keep more).`,
      );
    }
    if (missing === count) warnings.push(`Column ${JSON.stringify(name)} is missing in every training row; it carries no information.`);
    const mostFrequent = options.categoricalMissing === 'most-frequent' && categories.length > 0;
    return {
      config: {
        name,
        kind: 'categorical',
        categories,
        other,
        missingSlot: missing > 0 && !mostFrequent,
        fill: mostFrequent ? categories[0] : null,
      },
      warnings,
    };
  }
  let sum = 0;
  let present = 0;
  for (let i = 0; i < count; i++) {
    const value = column.values[rowAt(i)];
    if (value === value) {
      sum += value;
      present++;
    }
  }
  const indicator = present < count;
  if (present === 0) warnings.push(`Column ${JSON.stringify(name)} is missing in every training row; it carries no information.`);
  const mean = present > 0 ? sum / present : 0;
  if (column.kind === 'boolean') {
    return { config: { name, kind: 'boolean', fill: mean >= 0.5 ? 1 : 0, indicator }, warnings };
  }
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const value = column.values[rowAt(i)];
    if (value === value) squares += (value - mean) * (value - mean);
  }
  const std = present > 0 ? Math.sqrt(squares / present) : 0;
  if (present > 0 && std === 0) warnings.push(`Column ${JSON.stringify(name)} is constant in the training rows; it carries no information.`);
  // NOTE: a constant column keeps std 1, so it becomes all zeros instead of a division by zero.
  return { config: { name, kind: 'numeric', mean, std: std > 0 ? std : 1, indicator }, warnings };
}
