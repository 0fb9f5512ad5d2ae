// Raw rows for the ONNX pipeline tests, and the ONNX Runtime inputs a user builds from them.
import type { Classifier } from '../../classifier/classifier.js';
import { MissingValues, parseBoolean, parseNumber } from '../../data/parse-value.js';
import { rawColumnsFromRows, type RawColumns } from '../../data/table.js';
import { Random } from '../../random/random.js';

/** The customers table the pipeline tests train on (numeric, boolean, categorical, missing). */
export const CUSTOMERS = 'test/fixtures/cli/customers.csv';

/** Missing-value tokens in several spellings (nnkit reads them case-insensitively). */
const MISSING = ['', 'NA', 'na', 'nA', '?', 'null', 'NULL', 'NaN', 'nan'];
const UNSEEN = ['mars', 'Basic', 'enterprise', 'Zürich', ' north', 'nul'];

/** A CSV text's rows as raw text cells. */
export function csvRows(text: string): RawColumns {
  const [header, ...lines] = text.trimEnd().split('\n');
  return rawColumnsFromRows(header.split(','), lines.map((line) => line.split(',')));
}

/**
 * Seeded random raw rows of the customers table: training values, numbers outside their range,
 * unseen categories and missing fields in every spelling.
 */
export function randomCustomerRows(text: string, count: number, seed: number): RawColumns {
  const random = new Random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.uniform() * items.length)];
  const { names, columns } = csvRows(text);
  const rows = Array.from({ length: count }, () =>
    names.map((name, c) => {
      const roll = random.uniform();
      if (roll < 0.15) return pick(MISSING);
      if (roll < 0.3 && (name === 'plan' || name === 'region')) return pick(UNSEEN);
      if (roll < 0.5 && (name === 'age' || name === 'monthly_spend')) return (random.normal() * 40 + 40).toFixed(2);
      return pick(columns[c]);
    }),
  );
  return rawColumnsFromRows(names, rows);
}

/** One ONNX input: a (rows, 1) tensor of strings, or of float32 with NaN for missing. */
export type OnnxFeed =
  | { readonly type: 'string'; readonly data: string[]; readonly dims: [number, 1] }
  | { readonly type: 'float32'; readonly data: Float32Array; readonly dims: [number, 1] };

/**
 * The inputs of an exported classifier for raw rows, as a user builds them: a categorical column
 * as its text cells, a numeric or boolean column parsed to float32 with NaN for missing.
 */
export function onnxFeeds(clf: Classifier, raw: RawColumns): Record<string, OnnxFeed> {
  const missing = new MissingValues(clf.preprocessor.config.missingValues);
  const feeds: Record<string, OnnxFeed> = {};
  for (const column of clf.preprocessor.config.columns) {
    const cells = raw.columns[raw.names.indexOf(column.name)];
    if (column.kind === 'categorical') feeds[column.name] = { type: 'string', data: [...cells], dims: [raw.rows, 1] };
    else {
      const parse = column.kind === 'numeric' ? parseNumber : parseBoolean;
      feeds[column.name] = { type: 'float32', data: Float32Array.from(cells, (cell) => (missing.has(cell) ? NaN : parse(cell))), dims: [raw.rows, 1] };
    }
  }
  return feeds;
}
