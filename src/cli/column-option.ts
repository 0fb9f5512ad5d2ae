import { DataError, show } from '../errors.js';

/**
 * Checks that a column an option names (--keep, --group, --time) is in the file, else a DataError
 * (exit code 1) naming the option, the value and the columns there are.
 */
export function checkColumnOption(option: string, name: string, columns: readonly string[], file: string): void {
  if (columns.includes(name)) return;
  throw new DataError(
    'data/option-column',
    `--${option} names the column ${show(name)}, which ${file} does not have; its columns are ${columns.map((column) => JSON.stringify(column)).join(', ')}.`,
    { file, line: 1 },
  );
}
