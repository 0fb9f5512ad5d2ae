import type { DataWarning } from './data-warning.js';
import type { HintWriter } from './option-hint.js';
import type { CategoryPolicy, FeatureColumnConfig } from './preprocessor-config.js';
import type { Column } from './table.js';

/** How missing categorical values are encoded (numeric ones always get the mean + an indicator). */
export type CategoricalMissingPolicy = 'category' | 'most-frequent';

export interface FitColumnOptions extends CategoryPolicy {
  readonly categoricalMissing: CategoricalMissingPolicy;
  /** How messages name the settings (the library's options or the CLI's flags). */
  readonly hint: HintWriter;
}

export interface FittedColumn {
  readonly config: FeatureColumnConfig;
  readonly warnings: readonly DataWarning[];
  /** Training categories rarer than minFrequency (they share `<other>`), most frequent first. */
  readonly rare: readonly string[];
}

/**
 * Fits one column's preprocessing on the training rows only (`rows`: row indices; all rows when
 * absent). Statistics are accumulated in float64 over the non-missing values.
 */
export function fitColumn(column: Column, rows: ArrayLike<number> | undefined, options: FitColumnOptions): FittedColumn {
  const count = rows === undefined ? (column.kind === 'categorical' ? column.codes.length : column.values.length) : rows.length;
  const rowAt = rows === undefined ? (i: number) => i : (i: number) => rows[i];
  const name = column.name;
  const warnings: DataWarning[] = [];
  const warn = (code: DataWarning['code'], severity: DataWarning['severity'], message: string) =>
    warnings.push({ code, severity, column: name, message });
  const noInformation = (why: string) => warn('data/no-information', 'warning', `Column ${JSON.stringify(name)} ${why}; it carries no information.`);
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
    // NOTE: as scikit-learn's OneHotEncoder(min_frequency, max_categories): a category seen in
    // fewer than minFrequency training rows gets no column (one row cannot teach a weight, and a
    // one-off value, say a 50 MB field, must not become a column name); of the others, the
    // maxCategories most frequent do. Every other training category shares `<other>`.
    const frequent = seen.filter((entry) => entry.count >= options.minFrequency);
    const categories = frequent.slice(0, options.maxCategories).map((entry) => entry.category);
    const other = seen.length > categories.length;
    const looksLikeId = seen.length > options.maxCategories && seen.length >= 0.5 * (count - missing);
    const ignore = `it looks like an identifier: consider ignoring it, ${options.hint({ option: 'columnTypes', column: name, type: 'ignore' })}`;
    if (frequent.length > options.maxCategories || looksLikeId) {
      const shared = `"${name}=<other>"`;
      const kept =
        frequent.length > options.maxCategories
          ? `the ${options.maxCategories} most frequent get their own column (${options.hint({ option: 'maxCategories', value: frequent.length })} ` +
            `keeps all ${frequent.length}${options.minFrequency > 1 ? ` seen in at least ${options.minFrequency} rows` : ''}) and the rest share ${shared}`
          : categories.length > 0
            ? `only the ${categories.length} seen in at least ${options.minFrequency} rows get their own column and the rest share ${shared}`
            : `none is seen in ${options.minFrequency} or more rows, so all share ${shared}`;
      warn(
        'data/many-categories',
        'warning',
        `Column ${JSON.stringify(name)} has ${seen.length} distinct values in ${count} training rows${looksLikeId ? ` (${ignore})` : ''}; ${kept}.`,
      );
    }
    if (missing === count) noInformation('is missing in every training row');
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
      rare: seen.slice(frequent.length).map((entry) => entry.category),
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
  if (present === 0) noInformation('is missing in every training row');
  const mean = present > 0 ? sum / present : 0;
  if (column.kind === 'boolean') {
    return { config: { name, kind: 'boolean', fill: mean >= 0.5 ? 1 : 0, indicator }, warnings, rare: [] };
  }
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const value = column.values[rowAt(i)];
    if (value === value) squares += (value - mean) * (value - mean);
  }
  const std = present > 0 ? Math.sqrt(squares / present) : 0;
  if (present > 0 && std === 0) noInformation('is constant in the training rows');
  // NOTE: a constant column keeps std 1, so it becomes all zeros instead of a division by zero.
  return { config: { name, kind: 'numeric', mean, std: std > 0 ? std : 1, indicator }, warnings, rare: [] };
}
