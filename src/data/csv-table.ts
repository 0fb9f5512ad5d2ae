import type { DataWarning } from './data-warning.js';
import type { Decimal } from './table.js';
import type { LabelledTable, TableOptions } from './table-builder.js';

export interface ParseCsvOptions extends TableOptions {
  /** The field delimiter. Default: sniffed from the header line among `,` `;` tab and `|`. */
  readonly delimiter?: string;
  /**
   * The decimal separator: '.' (`6.5`) or ',' (`6,5`). Default: sniffed from the first lines (a
   * comma when a column holds only numbers written with one; see sniffDecimal).
   */
  readonly decimal?: Decimal;
  /** A name for the text in errors and in a classifier's summary, e.g. the uploaded file's name. */
  readonly file?: string;
}

/** CSV text read into columns: the features as a Table, the target as class indices. */
export interface CsvTable extends LabelledTable {
  readonly file?: string;
  readonly delimiter: string;
  readonly decimal: Decimal;
  readonly warnings: readonly DataWarning[];
}
