import { splitIndices } from '../data/split-indices.js';
import { listNames } from '../data/table.js';
import type { TargetColumn } from '../data/target-builder.js';
import { DataError } from '../errors.js';

export interface RowSplit {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
}

/**
 * Splits the rows stratified and seeded into train / validation / test: `testSplit` of all rows
 * for the test, `validationSplit` of the rest for validation (Keras' meaning). Early stopping and
 * threshold tuning need every class among the validation rows, and learning needs every class
 * among the training rows; a tiny class in a small file can miss a part, which is an error naming
 * the option to change (`option('validationSplit')` spells it for the caller).
 */
export function splitRows(
  target: TargetColumn,
  settings: { readonly validationSplit: number; readonly testSplit: number; readonly seed: number; readonly ensemble?: number },
  file: string | undefined,
  option: (name: 'validationSplit' | 'testSplit') => string,
): RowSplit {
  const test = settings.testSplit;
  // NOTE: an ensemble's members hold out folds of the training rows instead of validation rows.
  const validation = settings.ensemble === undefined ? settings.validationSplit : 0;
  // NOTE: rounded so that an error about the split shows 0.6, not 0.6000000000000001.
  const shares = [(1 - test) * (1 - validation), (1 - test) * validation, test].map((share) => Number(share.toFixed(12)));
  const used = shares.map((share, part) => part === 0 || share > 0);
  const fractions = shares.filter((_, part) => used[part]);
  const parts = fractions.length === 1
    ? [Int32Array.from(target.labels, (_, row) => row)]
    : splitIndices(target.labels, { fractions, seed: settings.seed, stratify: true });
  const [train, validationRows, testRows] = used.map((on) => (on ? parts.shift()! : new Int32Array(0)));
  requireEveryClass(target, train, 'training', `${option('testSplit')} or ${option('validationSplit')} smaller`, file);
  if (validation > 0) requireEveryClass(target, validationRows, 'validation', `${option('validationSplit')} larger`, file);
  return { train, validation: validationRows, test: testRows };
}

function requireEveryClass(target: TargetColumn, rows: Int32Array, part: string, fix: string, file: string | undefined): void {
  const seen = new Set(Array.from(rows, (row) => target.labels[row]));
  const absent = target.classes.filter((_, k) => !seen.has(k));
  if (absent.length === 0) return;
  const one = rows.length === 1;
  throw new DataError(
    'data/split-missing-class',
    `${file ?? 'The data'}: the ${rows.length} ${part} row${one ? '' : 's'} of the stratified split hold${one ? 's' : ''} no row of class ` +
      `${listNames(absent)} ` +
      `(${target.classes.map((name, k) => `${JSON.stringify(name)} ${target.counts[k]}`).join(', ')} rows in the file); ` +
      `use more rows of that class, or make ${fix}.`,
    { file, column: target.name },
  );
}
