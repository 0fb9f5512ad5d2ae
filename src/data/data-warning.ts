import type { TransformWarning } from './preprocessor-sources.js';

/**
 * What reading or preprocessing noticed about a column that its user should know, because the
 * result may not be what was meant. Information: numbers were read with a decimal comma; rare
 * categories share one `<other>` column. Warnings: a column of numbers became categories; a
 * column has more categories than get a column of their own; a column carries no information;
 * validation or test rows hold categories unseen in training, or unplanned missing values.
 * Each message names the setting that changes it, in the caller's words (see OptionHint).
 */
export interface DataWarning {
  readonly code:
    | 'data/decimal-comma'
    | 'data/numeric-looking-categorical'
    | 'data/rare-categories'
    | 'data/many-categories'
    | 'data/no-information'
    | 'data/unseen-category'
    | 'data/unexpected-missing';
  readonly severity: 'info' | 'warning';
  /** The column concerned (absent when the note covers several). */
  readonly column?: string;
  readonly message: string;
}

/** A transform's warning (unseen categories, unplanned missing values) as a DataWarning; `rows` names the rows, e.g. "Test". */
export function transformDataWarning(warning: TransformWarning, rows?: string): DataWarning {
  const message = rows === undefined ? warning.message : `${rows} rows: ${warning.message}`;
  return { code: `data/${warning.kind}`, severity: 'warning', column: warning.column, message };
}
