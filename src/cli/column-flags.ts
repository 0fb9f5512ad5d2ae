import type { HintWriter } from '../data/option-hint.js';
import { COLUMN_TYPES, type ColumnType, type Decimal } from '../data/table.js';
import { show } from '../errors.js';
import { usageError } from './parse-command-line.js';

/**
 * The command line's side of OptionHint: how `nnkit train` takes the reading and preprocessing
 * settings (--column-type, --ignore, --decimal, --max-categories, --min-frequency, --delimiter,
 * --target), and how
 * messages name them, so a message a CLI user reads gives a flag they can type.
 */
export const flagHint: HintWriter = (hint) => {
  switch (hint.option) {
    case 'columnTypes':
      // NOTE: --ignore splits its value at commas; a name with one goes through --column-type.
      return hint.type === 'ignore' && !hint.column.includes(',')
        ? `--ignore ${shellWord(hint.column)}`
        : `--column-type ${shellWord(`${hint.column}=${hint.type}`)}`;
    case 'decimal':
      return `--decimal ${hint.value}`;
    case 'maxCategories':
      return `--max-categories ${hint.value}`;
    case 'minFrequency':
      return `--min-frequency ${hint.value}`;
    case 'delimiter':
    case 'target':
    case 'positive':
      return `--${hint.option} ${shellWord(hint.value)}`;
  }
};

/** A word as a POSIX shell takes it: quoted when it holds anything but letters, digits and _ . , - = */
function shellWord(word: string): string {
  return /^[\w.,=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * columnTypes from `--column-type name=type` (repeatable) and `--ignore a,b` (repeatable, or
 * names separated by commas); undefined when neither is given. A column given two types is a
 * usage error, as is a type nnkit does not know.
 */
export function columnTypeFlags(
  command: string,
  columnType: string | readonly string[] | undefined,
  ignore: string | readonly string[] | undefined,
): Record<string, ColumnType> | undefined {
  const types = new Map<string, ColumnType>();
  const set = (name: string, type: ColumnType, flag: string) => {
    const before = types.get(name);
    if (before !== undefined && before !== type) {
      throw usageError(command, `${flag} gives column ${show(name)} the type ${type}, but another flag gave it ${before}; give each column one type.`);
    }
    types.set(name, type);
  };
  for (const text of list(columnType)) {
    const at = text.lastIndexOf('=');
    const name = text.slice(0, at).trim();
    const type = text.slice(at + 1).trim() as ColumnType;
    if (at < 0 || name === '' || !COLUMN_TYPES.includes(type)) {
      throw usageError(
        command,
        `--column-type takes a column and a type, name=${COLUMN_TYPES.join('|')} (e.g. --column-type zip=categorical), but is ${show(text)}.`,
      );
    }
    set(name, type, `--column-type ${text}`);
  }
  for (const text of list(ignore)) {
    for (const name of text.split(',').map((part) => part.trim())) {
      if (name === '') throw usageError(command, `--ignore takes column names separated by commas (e.g. --ignore id,notes) but is ${show(text)}.`);
      set(name, 'ignore', `--ignore ${text}`);
    }
  }
  return types.size === 0 ? undefined : Object.fromEntries(types);
}

/** The --decimal separator: "." or ",". */
export function decimalFlag(command: string, text: string): Decimal {
  if (text !== '.' && text !== ',') {
    throw usageError(command, `--decimal must be . (numbers written 6.5) or , (numbers written 6,5) but is ${show(text)}.`);
  }
  return text;
}

function list(given: string | readonly string[] | undefined): readonly string[] {
  return given === undefined ? [] : typeof given === 'string' ? [given] : given;
}
