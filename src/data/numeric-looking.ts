import { show } from '../errors.js';
import type { HintWriter } from './option-hint.js';
import { fitsFloat32, numberParser } from './parse-value.js';
import type { CategoricalColumn, Decimal } from './table.js';
import type { DataWarning } from './data-warning.js';

/** A categorical column whose values are at least this share numbers looks numeric. */
const NUMERIC_LOOKING_SHARE = 0.5;

const SEPARATOR_NAMES: Readonly<Record<Decimal, string>> = { '.': 'a decimal point', ',': 'a decimal comma' };

/**
 * The warning for a column inferred categorical although it looks numeric: at least half of its
 * values are numbers, written with the file's decimal separator or with the other one (`6,5` in
 * a file read with a point). Such a column would otherwise become hundreds of one-hot columns
 * without a word; the warning says what it looked like and which setting changes it. Undefined
 * for a column that does not look numeric.
 */
export function numericLookingWarning(column: CategoricalColumn, decimal: Decimal, hint: HintWriter): DataWarning | undefined {
  const other: Decimal = decimal === '.' ? ',' : '.';
  const [parse, parseOther] = [numberParser(decimal), numberParser(other)];
  let numbers = 0;
  let otherNumbers = 0;
  let values = 0;
  let example: string | undefined;
  let text: string | undefined;
  column.categories.forEach((category, code) => {
    const count = column.counts[code];
    values += count;
    if (fitsFloat32(parse(category))) numbers += count;
    else if (fitsFloat32(parseOther(category))) {
      otherNumbers += count;
      example ??= category;
    } else text ??= category;
  });
  if (numbers + otherNumbers === 0 || numbers + otherNumbers < NUMERIC_LOOKING_SHARE * values) return undefined;
  const name = column.name;
  const keep = `declare ${hint({ option: 'columnTypes', column: name, type: 'categorical' })}`;
  const read = `Column ${JSON.stringify(name)} was read as categorical (${column.categories.length} distinct values)`;
  const readOther = hint({ option: 'decimal', value: other });
  let message: string;
  if (text === undefined) {
    message =
      `${read}, but its values are numbers written with ${SEPARATOR_NAMES[other]} (e.g. ${show(example)}), and the file was ` +
      `read with ${SEPARATOR_NAMES[decimal]}. Read it with ${readOther} to get numbers, or ${keep} to keep the categories.`;
  } else {
    const numeric = hint({ option: 'columnTypes', column: name, type: 'numeric' });
    message =
      `${read}, but ${numbers + otherNumbers} of its ${values} values are numbers` +
      `${example === undefined ? '' : ` (some written with ${SEPARATOR_NAMES[other]}, e.g. ${show(example)})`}, the others text ` +
      `such as ${show(text)}. If it holds numbers, fix the text values or mark them missing and declare ${numeric}` +
      `${example === undefined ? '' : `, reading with ${readOther}`}; if it holds categories, ${keep} to silence this warning.`;
  }
  return { code: 'data/numeric-looking-categorical', severity: 'warning', column: name, message };
}
