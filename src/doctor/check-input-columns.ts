import { diagnose, type Diagnostic } from './diagnostic.js';
import type { InputColumns, ScannedColumn } from './input-columns.js';

/**
 * Separation (ROC AUC of the column alone, in its better direction, for the worst pair of
 * classes) from which a column counts as a copy or near-perfect proxy of the label.
 * NOTE: measured on 200 random 60% training splits of the public tables, the strongest
 * legitimate columns reach 0.9983 (iris petal length, versicolor against virginica), 0.986
 * (breast cancer worst_perimeter) and 0.981 (house votes physician_fee_freeze); a copy of the
 * label, or a value recorded only after the outcome, scores 1. 0.999 leaves one misordered pair
 * in a thousand. A perfectly separating legitimate column (a toy rule such as y = x > 0) also
 * reaches it: the message says when the warning may be ignored.
 */
export const LEAKAGE_SEPARATION = 0.999;

/**
 * Fewest training rows an identifier check needs. NOTE: 20 distinct whole numbers in 20 rows is
 * already unlikely for a measurement of few values (a pixel 0..16, an age), and common for ids.
 */
export const MIN_IDENTIFIER_ROWS = 20;

/**
 * Share of distinct values from which a categorical column reads as an identifier (names,
 * e-mails, order numbers). NOTE: a category held by one row or two teaches nothing either way.
 */
export const IDENTIFIER_DISTINCT_SHARE = 0.9;

const quote = (name: string) => JSON.stringify(name);
const auc = (value: number) => value.toFixed(4);

/** How messages name class `k`. */
function className(input: InputColumns, k: number): string {
  const name = input.classNames?.[k];
  return name === undefined ? `class ${k}` : `class ${quote(name)}`;
}

/** A column's name in a message: quoted, or as made up (`column 3`) when the data had none. */
function shown(input: InputColumns, name: string): string {
  return input.named === false ? name : quote(name);
}

/** `Column "id"` or `Column 3` at the start of a sentence. */
function subject(input: InputColumns, name: string): string {
  return input.named === false ? name.charAt(0).toUpperCase() + name.slice(1) : `Column ${quote(name)}`;
}

function ignore(input: InputColumns, column: string): string {
  return input.ignoreAdvice?.(column) ?? `drop ${input.named === false ? column : `column ${quote(column)}`} from the features`;
}

/** Why a column looks like an identifier, or undefined when it does not. */
function identifierReason({ column, scan }: ScannedColumn): string | undefined {
  const present = scan.rows - scan.missing;
  if (present < MIN_IDENTIFIER_ROWS) return undefined;
  if (column.kind === 'numeric') {
    // NOTE: every present value distinct and whole: row numbers, counters, database keys.
    // Strictly rising fractional values are not enough: a file may be sorted by a measurement.
    if (scan.distinct !== present || !scan.integers) return undefined;
    return `its ${present} values in the training rows are all different whole numbers` +
      (scan.monotone ? ' that rise (or fall) with the row number' : '');
  }
  if (scan.distinct < IDENTIFIER_DISTINCT_SHARE * present) return undefined;
  return `${scan.distinct === present ? 'all' : scan.distinct} of its ${present} values in the training rows are different`;
}

/** 'identifier-column' for the columns that look like row identifiers; undefined if none does. */
function identifiers(input: InputColumns, scanned: readonly ScannedColumn[]): Diagnostic | undefined {
  const found = scanned.flatMap((s) => {
    const reason = identifierReason(s);
    return reason === undefined ? [] : [{ name: s.column.name, reason, separation: s.scan.separation }];
  });
  if (found.length === 0) return undefined;
  const leaks = found.filter((f) => f.separation !== undefined && f.separation.value >= LEAKAGE_SEPARATION);
  const names = found.map((f) => shown(input, f.name)).join(', ');
  return diagnose('identifier-column', 'fit', {
    what: found.map((f) => `${subject(input, f.name)} looks like an identifier: ${f.reason}.`).join(' ') +
      (leaks.length === 0 ? '' : ` Alone, ${leaks.map((f) => `${shown(input, f.name)} (ROC AUC ${auc(f.separation!.value)})`).join(', ')} ` +
        'also separates the classes: the rows are probably ordered by label, and the model can learn the label from the order.'),
    why: 'An identifier names a row and says nothing about a new one: the model can only memorize it, which ' +
      'overfits, and where ids follow the label it leaks the label into every score.',
    fix: `Leave ${found.length === 1 ? 'it' : 'them'} out: ${found.map((f) => ignore(input, f.name)).join('; ')}. ` +
      `If ${names} ${found.length === 1 ? 'is a genuine measurement' : 'are genuine measurements'} (a count, an amount), the warning can be ignored.`,
  }, { columns: found.map((f) => ({ name: f.name, separation: f.separation?.value ?? null })) });
}

/** 'target-leakage' for the columns that alone separate the classes almost perfectly. */
function targetLeakage(input: InputColumns, scanned: readonly ScannedColumn[], skip: ReadonlySet<string>, classCount: number): Diagnostic | undefined {
  const found = scanned.filter((s) => !skip.has(s.column.name) && s.scan.separation !== undefined && s.scan.separation.value >= LEAKAGE_SEPARATION);
  if (found.length === 0) return undefined;
  const one = found.length === 1;
  const listed = found.slice(0, 5).map((s) => {
    const { value, classes: [a, b] } = s.scan.separation!;
    const pair = classCount > 2 ? `, worst pair ${className(input, a)} and ${className(input, b)}` : '';
    return `${one ? subject(input, s.column.name) : shown(input, s.column.name)} (ROC AUC ${auc(value)}${pair})`;
  });
  const more = found.length > 5 ? ` and ${found.length - 5} more` : '';
  const first = found[0].column.name;
  return diagnose('target-leakage', 'fit', {
    what: `${one ? '' : 'Columns '}${listed.join(', ')}${more} alone ${one ? 'separates' : 'each separate'} the classes of ` +
      `the training rows almost perfectly${classCount > 2 ? ' (every pair of classes)' : ''}: ${one ? 'it is' : 'they are'} ` +
      'a copy or a near-perfect proxy of the label.',
    why: 'A value derived from the label, recorded only after the outcome, or filled in for one class only makes ' +
      'validation and test scores look perfect, while on new rows, where it is not known yet, the model fails.',
    fix: `If ${one ? shown(input, first) : 'such a column'} is not known when you predict, leave it out (${ignore(input, first)}) and retrain. ` +
      'If it is a genuine measurement available in advance, the task may simply be this easy and the warning can be ignored.',
  }, { columns: found.map((s) => ({ name: s.column.name, separation: s.scan.separation!.value, classes: [...s.scan.separation!.classes] })) });
}

/**
 * The column checks of fit over the scanned training rows: identifier-like columns, then columns
 * that alone separate the classes almost perfectly (identifiers that do are told in their own
 * finding). `classCount` is 1 when the labels are not classes: then only identifiers are looked for.
 */
export function inputColumnDiagnostics(scanned: readonly ScannedColumn[], input: InputColumns, classCount: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  const ids = identifiers(input, scanned);
  if (ids) found.push(ids);
  const skip = new Set((ids?.details?.columns as { name: string }[] | undefined)?.map((c) => c.name) ?? []);
  const leak = targetLeakage(input, scanned, skip, classCount);
  if (leak) found.push(leak);
  return found;
}
