import { show } from '../errors.js';
import { usageError } from './parse-command-line.js';

/** `--ensemble <k>`: members of a bagged ensemble, a whole number from 2 to 100. */
export function ensembleSize(command: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < 2 || value > 100) {
    throw usageError(command, `--ensemble must be a whole number of members from 2 to 100, e.g. 5, but is ${show(text)}.`);
  }
  return value;
}
