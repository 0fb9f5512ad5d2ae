import { DataError, show } from '../errors.js';
import { MissingValues, fitsFloat32, numberParser, parseBoolean } from './parse-value.js';
import type { CategoricalFeatureConfig, FeatureColumnConfig, PreprocessorConfig } from './preprocessor-config.js';
import { listNames, type Column, type Decimal, type RawColumns } from './table.js';

/**
 * Reads one input column for the Preprocessor, from a table or from raw text, in the form its
 * config needs: a number per row (NaN = missing) or a one-hot slot per row (-1 = all zeros).
 */
export type ExtraColumns = 'error' | 'ignore';

/** What a transform noticed in one column: values unseen in training, or unplanned missing ones. */
export interface TransformWarning {
  readonly column: string;
  readonly kind: 'unseen-category' | 'unexpected-missing';
  readonly count: number;
  /** Up to five of the values concerned. */
  readonly examples: readonly string[];
  readonly message: string;
}

export interface ColumnSources {
  value(row: number): number;
  slot(row: number): number;
  /** Rows [first, last)'s numbers into `out` (what value(r) gives), where that is cheaper; true when done. */
  values?(out: Float32Array, first: number, last: number): boolean;
  warnings(): TransformWarning[];
}

/**
 * For each configured column, its index among `names`; checks missing and extra columns (the
 * columns ignored in training are expected, not extra).
 */
export function matchColumns(config: PreprocessorConfig, names: readonly string[], extra: ExtraColumns = 'error', file?: string): number[] {
  const columns = config.columns;
  const where = file ?? 'The data';
  const indexOf = columns.map((column) => names.indexOf(column.name));
  const absent = columns.filter((_, c) => indexOf[c] < 0).map((column) => column.name);
  if (absent.length > 0) {
    throw new DataError(
      'data/missing-column',
      `${where} lacks the column${absent.length > 1 ? 's' : ''} ${listNames(absent)} that the model was trained on; it has ` +
        `${listNames(names)}. Add the column${absent.length > 1 ? 's' : ''} (values may be empty for missing) — order does not matter.`,
      { file, column: absent[0] },
    );
  }
  const known = new Set([...columns.map((column) => column.name), ...(config.ignoredColumns ?? [])]);
  const extras = names.filter((name) => !known.has(name));
  if (extras.length > 0 && extra === 'error') {
    throw new DataError(
      'data/extra-column',
      `${where} has column${extras.length > 1 ? 's' : ''} ${listNames(extras)} that the model was not trained on; drop ` +
        `${extras.length > 1 ? 'them' : 'it'} or pass extraColumns: "ignore" (on the command line --extra-columns ignore). The model's columns are ${listNames(columns.map((c) => c.name))}.`,
      { file, column: extras[0] },
    );
  }
  return indexOf;
}

/** Counts unseen categories and unplanned missing values for one column. */
class WarningTally {
  private unseen = 0;
  private missing = 0;
  private readonly examples = new Set<string>();
  private readonly config: FeatureColumnConfig;
  constructor(config: FeatureColumnConfig) {
    this.config = config;
  }

  addUnseen(value: string): void {
    this.unseen++;
    if (this.examples.size < 5) this.examples.add(value);
  }
  addMissing(count = 1): void {
    this.missing += count;
  }
  list(): TransformWarning[] {
    const column = this.config.name;
    const out: TransformWarning[] = [];
    if (this.unseen > 0) {
      const other = this.config.kind === 'categorical' && this.config.other;
      const examples = [...this.examples].map((example) => show(example)).join(', ');
      // NOTE: the config keeps only the categories with a column, so a value rarer than
      // minFrequency in training cannot be told from a new one: both share <other>.
      const what = other ? 'have no column of their own, being new or too rare in training' : 'were not seen in training';
      out.push({
        column, kind: 'unseen-category', count: this.unseen, examples: [...this.examples],
        message: `${this.unseen} value(s) of ${JSON.stringify(column)} ${what} (e.g. ${examples}); encoded as ${other ? `"${column}=<other>"` : 'all zeros'}.`,
      });
    }
    if (this.missing > 0) {
      out.push({
        column, kind: 'unexpected-missing', count: this.missing, examples: [],
        message: `${this.missing} value(s) of ${JSON.stringify(column)} are missing, which never happened in training; imputed as in training where possible, else all zeros.`,
      });
    }
    return out;
  }
}

interface Slots {
  of(category: string): number;
  missing(): number;
  tally: WarningTally;
}

function categorySlots(config: CategoricalFeatureConfig): Slots {
  const slotOf = new Map(config.categories.map((category, slot) => [category, slot]));
  const other = config.other ? config.categories.length : -1;
  const missingSlot = config.missingSlot ? config.categories.length + (config.other ? 1 : 0) : -1;
  const fill = config.fill === null ? -1 : slotOf.get(config.fill)!;
  const tally = new WarningTally(config);
  return {
    tally,
    of(category) {
      const slot = slotOf.get(category);
      if (slot !== undefined) return slot;
      tally.addUnseen(category);
      return other;
    },
    missing() {
      if (missingSlot >= 0) return missingSlot;
      tally.addMissing();
      return fill;
    },
  };
}

/** Reads a table's column; `decimal` is the separator the table was read with. */
export function tableSources(config: FeatureColumnConfig, column: Column, rows: ArrayLike<number> | undefined, decimal: Decimal = '.'): ColumnSources {
  const rowAt = rows === undefined ? (i: number) => i : (i: number) => rows[i];
  const tally = new WarningTally(config);
  const mismatch = (detail: string) =>
    new DataError(
      'data/column-kind',
      `Column ${JSON.stringify(config.name)} was ${config.kind} in training but is ${column.kind} here (${detail}). Read the ` +
        'file with columnTypes: preprocessor.columnTypes() so every column is read as in training, or use transformRaw.',
      { column: config.name },
    );
  if (config.kind === 'categorical') {
    if (column.kind !== 'categorical') throw mismatch('its values were read as numbers or booleans');
    const slots = categorySlots(config);
    const UNKNOWN = -2;
    const known = column.categories.map((category) => (config.categories.includes(category) ? config.categories.indexOf(category) : UNKNOWN));
    return {
      value: () => NaN,
      slot(i) {
        const code = column.codes[rowAt(i)];
        if (code < 0) return slots.missing();
        return known[code] === UNKNOWN ? slots.of(column.categories[code]) : known[code];
      },
      warnings: () => slots.tally.list(),
    };
  }
  let values: ArrayLike<number>;
  if (column.kind === 'categorical') {
    const parseNumber = numberParser(decimal);
    const parse = config.kind === 'numeric' ? (text: string) => Math.fround(parseNumber(text)) : (text: string) => (parseBoolean(text) < 0 ? NaN : parseBoolean(text));
    const decoded = column.categories.map(parse);
    const bad = decoded.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw mismatch(`it holds ${show(column.categories[bad])}`);
    values = Float32Array.from(column.codes, (code) => (code < 0 ? NaN : decoded[code]));
  } else {
    values = column.values;
    if (config.kind === 'boolean' && column.kind === 'numeric') {
      const bad = Array.prototype.find.call(values, (v: number) => v === v && v !== 0 && v !== 1) as number | undefined;
      if (bad !== undefined) throw mismatch(`it holds ${bad}`);
    }
  }
  return {
    value(i) {
      const value = values[rowAt(i)];
      if (value !== value && !config.indicator) tally.addMissing();
      return value;
    },
    values(out, first, last) {
      // NOTE: one tight gather per block instead of a call per cell: the training split reads a
      // million-row column through shuffled row indices.
      let missing = 0;
      for (let i = first; i < last; i++) {
        const value = values[rows === undefined ? i : rows[i]];
        out[i - first] = value;
        if (value !== value) missing++;
      }
      if (missing > 0 && !config.indicator) tally.addMissing(missing);
      return true;
    },
    slot: () => -1,
    warnings: () => tally.list(),
  };
}

/** Reads raw text cells with the training data's missing-value tokens and decimal separator. */
export function rawSources(
  config: FeatureColumnConfig,
  raw: RawColumns,
  index: number,
  reading: { readonly missing: MissingValues; readonly decimal: Decimal },
): ColumnSources {
  const { missing, decimal } = reading;
  const parseNumber = numberParser(decimal);
  const cells = raw.columns[index];
  if (config.kind === 'categorical') {
    const slots = categorySlots(config);
    return {
      value: () => NaN,
      slot: (r) => (missing.has(cells[r]) ? slots.missing() : slots.of(cells[r])),
      warnings: () => slots.tally.list(),
    };
  }
  const tally = new WarningTally(config);
  return {
    value(r) {
      const text = cells[r];
      if (missing.has(text)) {
        if (!config.indicator) tally.addMissing();
        return NaN;
      }
      if (config.kind === 'boolean') {
        const truth = parseBoolean(text);
        if (truth >= 0) return truth;
      } else {
        const number = parseNumber(text);
        // NOTE: rounded to float32 as a table column stores it, so raw rows and tables agree bit for bit.
        if (number === number && fitsFloat32(number)) return Math.fround(number);
      }
      throw badCellError(config, text, { file: raw.file, line: raw.lines?.[r], row: r }, missing, decimal);
    },
    slot: () => -1,
    warnings: () => tally.list(),
  };
}

/**
 * The error for a cell a numeric or boolean column cannot read, as the model was trained: where
 * it is (the line when known, else the row), the value, what was expected.
 */
export function badCellError(
  column: { readonly name: string; readonly kind: 'numeric' | 'boolean' },
  text: string,
  at: { readonly file?: string; readonly line?: number; readonly row: number },
  missing: MissingValues,
  decimal: Decimal,
): DataError {
  const { file, line, row } = at;
  const where = `${file ?? 'The data'}, ${line === undefined ? `row ${row}` : `line ${line}`}, column ${JSON.stringify(column.name)}`;
  const expected = column.kind === 'boolean' ? 'true/false, yes/no or 1/0' : `a number written with a decimal ${decimal === ',' ? 'comma' : 'point'}`;
  return new DataError(
    'data/bad-value',
    `${where}: ${show(text)} is not ${expected}, as the model was trained on. Fix the value or mark it missing ` +
      `(${listNames(missing.tokens)}).`,
    { file, line, column: column.name, row },
  );
}
