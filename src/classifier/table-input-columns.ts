import type { OptionHint } from '../data/option-hint.js';
import type { Table } from '../data/table.js';
import type { InputColumn, InputColumns } from '../doctor/input-columns.js';

/**
 * The table's feature columns as the model doctor's column checks read them, for the training
 * rows (`rows`, in the order fit sees them): raw values in file order, so a finding names the
 * CSV column ("plan", not "plan=basic") and tells an id that rises with the row number.
 * `hint` writes the setting that leaves a column out, as the caller passes it;
 * `rareClassAdvice` is the stuck-one-class fix in the caller's words.
 */
export function tableInputColumns(
  table: Table, rows: Int32Array, classNames: readonly string[], hint: (hint: OptionHint) => string, rareClassAdvice?: string,
): InputColumns {
  const columns = table.columns.map((column): InputColumn =>
    column.kind === 'categorical'
      ? { name: column.name, kind: 'categorical', codes: column.codes, categories: column.categories.length }
      : { name: column.name, kind: 'numeric', values: column.values });
  return {
    rows,
    columns,
    classNames,
    ignoreAdvice: (column) => hint({ option: 'columnTypes', column, type: 'ignore' }),
    ...(rareClassAdvice === undefined ? {} : { rareClassAdvice }),
  };
}
