import { ConfigError, show } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import type { DataWarning } from './data-warning.js';
import { libraryHint, type HintWriter } from './option-hint.js';
import { DEFAULT_MISSING_VALUES, MissingValues } from './parse-value.js';
import { parsePreprocessorConfig, type FeatureColumnConfig, type PreprocessorConfig } from './preprocessor-config.js';
import { fitColumn, type CategoricalMissingPolicy } from './preprocessor-fit.js';
import {
  matchColumns, rawSources, tableSources, type ColumnSources, type ExtraColumns, type TransformWarning,
} from './preprocessor-sources.js';
import { rareCategoriesNote } from './rare-categories-note.js';
import type { ColumnType, RawColumns, Table } from './table.js';

export type { TransformWarning } from './preprocessor-sources.js';

export interface PreprocessorFitOptions {
  /** Training row indices; default every row. Never pass validation or test rows. */
  readonly rows?: ArrayLike<number>;
  /** One-hot columns per categorical column at most (default 50); rarer values share <other>. */
  readonly maxCategories?: number;
  /**
   * Training rows a category needs for a one-hot column of its own (default 3, as
   * scikit-learn's OneHotEncoder min_frequency); rarer ones share <other>. 1 keeps every one.
   */
  readonly minFrequency?: number;
  /** Missing categorical values: their own one-hot column ('category', default) or the mode. */
  readonly categoricalMissing?: CategoricalMissingPolicy;
}

export interface TransformOptions {
  /** Columns the preprocessor does not know: 'error' (default) or 'ignore' (dropped). */
  readonly extraColumns?: ExtraColumns;
}

export interface Transformed {
  /** The feature matrix (rows, features). */
  readonly x: Tensor;
  readonly featureNames: readonly string[];
  readonly warnings: readonly TransformWarning[];
}

/**
 * Turns raw table columns into the model's float32 feature matrix, and travels inside the saved
 * model so predict takes raw rows (as Keras' Normalization.adapt and FeatureSpace do). Fitted on
 * the training rows only. Per column, in the table's column order:
 * - numeric: (value − mean) / std; a missing value gets the mean (so 0), and if the column had
 *   missing training values a `<name>_missing` 0/1 column follows;
 * - boolean: 0/1; missing gets the most frequent value, with the same indicator rule;
 * - categorical: one-hot over the training categories seen in at least minFrequency rows (most
 *   frequent first, at most maxCategories), the rest sharing `<name>=<other>`; the policy is
 *   saved in the config (`categoryPolicy`), so a one-off value never becomes a column name.
 * Columns the table ignored (columnTypes 'ignore') are remembered and dropped from new rows;
 * raw numbers are read with the table's decimal separator.
 * Unseen categories at transform time: they go to `<name>=<other>` when the column has one, as
 * scikit-learn's OneHotEncoder(handle_unknown='infrequent_if_exist'); otherwise the row's one-hot
 * block is all zeros (handle_unknown='ignore'). Either way each is counted in `warnings`, never
 * an error, so one new city does not stop a batch prediction. Missing categorical values go to
 * `<name>=<missing>` when training had some (policy 'category', the default) or to the most
 * frequent category (policy 'most-frequent'); a missing value in a column that had none in
 * training is imputed the same way when possible, else all zeros, and counted as a warning.
 */
export class Preprocessor {
  readonly config: PreprocessorConfig;
  /** One name per output feature, e.g. `age`, `age_missing`, `city=Paris`, `city=<other>`. */
  readonly featureNames: readonly string[];
  /** What fitting noticed (identifier-like, constant or empty columns, rare categories); empty after fromConfig. */
  readonly fitWarnings: readonly DataWarning[];

  private constructor(config: PreprocessorConfig, fitWarnings: readonly DataWarning[] = []) {
    this.config = config;
    this.featureNames = Object.freeze(config.columns.flatMap(featureNamesOf));
    this.fitWarnings = Object.freeze([...fitWarnings]);
  }

  /**
   * Fits on the training rows of `table` (every column of it is an input). `hint` names the
   * options in fitWarnings (the CLI passes one that writes its flags).
   */
  static fit(table: Table, options: PreprocessorFitOptions = {}, hint: HintWriter = libraryHint): Preprocessor {
    const maxCategories = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
    if (!Number.isSafeInteger(maxCategories) || maxCategories < 1) {
      throw new ConfigError('config/max-categories', `maxCategories must be a positive integer but is ${show(maxCategories)}; e.g. 50.`);
    }
    const minFrequency = options.minFrequency ?? DEFAULT_MIN_FREQUENCY;
    if (!Number.isSafeInteger(minFrequency) || minFrequency < 1) {
      throw new ConfigError('config/min-frequency', `minFrequency must be a positive integer but is ${show(minFrequency)}; e.g. 3, or 1 for no minimum.`);
    }
    const categoricalMissing = options.categoricalMissing ?? 'category';
    if (categoricalMissing !== 'category' && categoricalMissing !== 'most-frequent') {
      throw new ConfigError('config/categorical-missing', `categoricalMissing must be "category" or "most-frequent" but is ${show(categoricalMissing)}.`);
    }
    if (table.columns.length === 0) {
      throw new ConfigError('config/no-columns', 'The table has no feature columns to fit a preprocessor on; add feature columns.');
    }
    if (options.rows !== undefined && options.rows.length === 0) {
      throw new ConfigError('config/no-rows', 'Preprocessor.fit was given an empty list of training rows; pass at least one row.');
    }
    const categoryPolicy = { maxCategories, minFrequency };
    const fitted = table.columns.map((column) => fitColumn(column, options.rows, { ...categoryPolicy, categoricalMissing, hint }));
    const config: PreprocessorConfig = {
      format: 'nnkit.preprocessor',
      version: 2,
      missingValues: [...(table.missingValues ?? DEFAULT_MISSING_VALUES)],
      decimal: table.decimal ?? '.',
      ignoredColumns: [...(table.ignoredColumns ?? [])],
      categoryPolicy,
      columns: fitted.map((column) => column.config),
    };
    const rare = rareCategoriesNote(fitted.map((column, c) => ({ column: table.columns[c].name, rare: column.rare })), minFrequency, hint);
    return new Preprocessor(config, [...fitted.flatMap((column) => column.warnings), ...(rare === undefined ? [] : [rare])]);
  }

  /** Restores a preprocessor from `getConfig()` output, checking every field (errors name it from `path`). */
  static fromConfig(config: unknown, path?: string): Preprocessor {
    return new Preprocessor(parsePreprocessorConfig(config, path));
  }

  /** Typed JSON that `fromConfig` turns back into an identical preprocessor. */
  getConfig(): PreprocessorConfig {
    return JSON.parse(JSON.stringify(this.config)) as PreprocessorConfig;
  }

  get numFeatures(): number {
    return this.featureNames.length;
  }

  /** The input columns' kinds and the ignored columns: pass as readCsv's columnTypes to read new files alike. */
  columnTypes(): Record<string, ColumnType> {
    const ignored = (this.config.ignoredColumns ?? []).map((name) => [name, 'ignore'] as const);
    return Object.fromEntries([...this.config.columns.map((column) => [column.name, column.kind] as const), ...ignored]);
  }

  /** Transforms columnar data (a readCsv table), optionally only the given rows. */
  transform(table: Table, options: TransformOptions & { readonly rows?: ArrayLike<number> } = {}): Transformed {
    const indexOf = matchColumns(this.config, table.columns.map((column) => column.name), options.extraColumns);
    const source = (c: number, rows: ArrayLike<number> | undefined) => tableSources(this.config.columns[c], table.columns[indexOf[c]], rows, table.decimal);
    if (options.rows === undefined) return this.encode(table.rows, (c) => source(c, undefined));
    const rows = options.rows;
    // NOTE: many rows are read in ascending order (each column streamed, not read at random) and
    // each written to its place in x; indices given twice keep the order they were given in. A
    // few rows of a large table are read as given: sorting costs a pass over the table's length.
    const many = rows.length >= ENCODE_BLOCK && 8 * rows.length >= table.rows;
    const ascending = many ? ascendingRows(rows, table.rows) : undefined;
    if (ascending === undefined) return this.encode(rows.length, (c) => source(c, rows));
    return this.encode(rows.length, (c) => source(c, ascending.rows), ascending.places);
  }

  /** Transforms raw text cells (a readCsvBatches batch, or rawColumnsFromRows) as in training. */
  transformRaw(raw: RawColumns, options: TransformOptions = {}): Transformed {
    const indexOf = matchColumns(this.config, raw.names, options.extraColumns, raw.file);
    const reading = { missing: new MissingValues(this.config.missingValues), decimal: this.config.decimal ?? '.' };
    return this.encode(raw.rows, (c) => rawSources(this.config.columns[c], raw, indexOf[c], reading));
  }

  /** Encodes `rows` rows; row r of the sources goes to row `places[r]` of x (default r). */
  private encode(rows: number, sourceOf: (c: number) => ColumnSources, places?: Int32Array): Transformed {
    const width = this.featureNames.length;
    // columns → x (rows, width), row-major
    const x = new Float32Array(rows * width);
    const columns = this.config.columns;
    const sources = columns.map((_, c) => sourceOf(c));
    const offsets: number[] = [];
    let next = 0;
    for (const column of columns) {
      offsets.push(next);
      next += featureNamesOf(column).length;
    }
    const block = new Float32Array(ENCODE_BLOCK);
    // NOTE: a block of rows at a time, every column into it, so x is written where it is cached;
    // a whole column at a time would stride across all of x once per column.
    for (let first = 0; first < rows; first += ENCODE_BLOCK) {
      const last = Math.min(rows, first + ENCODE_BLOCK);
      columns.forEach((column, c) => {
        const source = sources[c];
        const offset = offsets[c];
        if (column.kind === 'categorical') {
          for (let r = first; r < last; r++) {
            const slot = source.slot(r);
            if (slot >= 0) x[(places === undefined ? r : places[r]) * width + offset + slot] = 1;
          }
          return;
        }
        const { mean, std } = column.kind === 'numeric' ? column : { mean: 0, std: 1 };
        const fill = column.kind === 'numeric' ? 0 : column.fill;
        const gathered = source.values?.(block, first, last) ?? false;
        for (let r = first; r < last; r++) {
          const value = gathered ? block[r - first] : source.value(r);
          const at = (places === undefined ? r : places[r]) * width + offset;
          if (value === value) x[at] = (value - mean) / std;
          else {
            x[at] = fill;
            if (column.indicator) x[at + 1] = 1;
          }
        }
      });
    }
    const warnings = sources.flatMap((source) => source.warnings());
    return { x: new Tensor(x, [rows, width]), featureNames: this.featureNames, warnings };
  }
}

/**
 * The distinct row indices `rows` (each below `count`) in ascending order, with each one's
 * position in `rows`; undefined when an index repeats or is out of range.
 */
function ascendingRows(rows: ArrayLike<number>, count: number): { rows: Int32Array; places: Int32Array } | undefined {
  const placeOf = new Int32Array(count).fill(-1);
  for (let p = 0; p < rows.length; p++) {
    const row = rows[p];
    if (!Number.isInteger(row) || row < 0 || row >= count || placeOf[row] >= 0) return undefined;
    placeOf[row] = p;
  }
  const sorted = new Int32Array(rows.length);
  const places = new Int32Array(rows.length);
  for (let row = 0, k = 0; row < count; row++) {
    if (placeOf[row] < 0) continue;
    sorted[k] = row;
    places[k++] = placeOf[row];
  }
  return { rows: sorted, places };
}

/** Rows encoded together (see encode): 1024 rows of 50 features are 200 KiB of x. */
const ENCODE_BLOCK = 1024;

/** Default of PreprocessorFitOptions.maxCategories. */
export const DEFAULT_MAX_CATEGORIES = 50;
/** Default of PreprocessorFitOptions.minFrequency: a category seen once or twice shares <other>. */
export const DEFAULT_MIN_FREQUENCY = 3;

function featureNamesOf(column: FeatureColumnConfig): string[] {
  if (column.kind !== 'categorical') return column.indicator ? [column.name, `${column.name}_missing`] : [column.name];
  const names = column.categories.map((category) => `${column.name}=${category}`);
  if (column.other) names.push(`${column.name}=<other>`);
  if (column.missingSlot) names.push(`${column.name}=<missing>`);
  return names;
}
