import { show } from '../errors.js';
import { usageError } from './parse-command-line.js';

/** `--ensemble <k|auto>`: members of a bagged ensemble, a whole number from 1 (one network) to 100, or auto. */
export function ensembleSize(command: string, text: string): number | 'auto' {
  if (text === 'auto') return text;
  const value = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(value) || value < 1 || value > 100) {
    throw usageError(command, `--ensemble must be auto or a whole number of members from 1 (one network) to 100, e.g. 5, but is ${show(text)}.`);
  }
  return value;
}
