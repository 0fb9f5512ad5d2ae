import { show } from '../errors.js';
import { usageError } from './parse-command-line.js';

/**
 * Converters from option text to typed values. Each names the option and the value received
 * and says what would be accepted, as a usage error (exit code 2).
 */

export function positiveInteger(command: string, option: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw usageError(command, `--${option} must be a whole number of 1 or more but is ${show(text)}.`);
  }
  return value;
}

export function integer(command: string, option: string, text: string): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value)) {
    throw usageError(command, `--${option} must be a whole number (e.g. 42) but is ${show(text)}.`);
  }
  return value;
}

export function positiveNumber(command: string, option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw usageError(command, `--${option} must be a number above 0 (e.g. 0.001) but is ${show(text)}.`);
  }
  return value;
}

/** A number in [low, high) or (low, high) as `includeLow` says. */
export function fraction(command: string, option: string, text: string, includeLow: boolean): number {
  const value = Number(text);
  const inRange = includeLow ? value >= 0 && value < 1 : value > 0 && value < 1;
  if (text.trim() === '' || !Number.isFinite(value) || !inRange) {
    const range = includeLow ? 'from 0 up to (not including) 1' : 'between 0 and 1 (exclusive)';
    throw usageError(command, `--${option} must be a number ${range}, e.g. 0.2, but is ${show(text)}.`);
  }
  return value;
}

/** Hidden layer sizes: "64,32" → [64, 32]; "none" or "" → no hidden layer. */
export function layerSizes(command: string, option: string, text: string): number[] {
  if (text.trim() === '' || text.trim().toLowerCase() === 'none') return [];
  const parts = text.split(',');
  return parts.map((part) => {
    const value = Number(part);
    if (!/^\s*\d+\s*$/.test(part) || !Number.isSafeInteger(value) || value < 1) {
      throw usageError(
        command,
        `--${option} must list layer sizes as whole numbers separated by commas (e.g. 64,32), or "none", but is ${show(text)}.`,
      );
    }
    return value;
  });
}

/** One of a fixed list of words. */
export function choice<T extends string>(command: string, option: string, text: string, choices: readonly T[]): T {
  const found = choices.find((candidate) => candidate === text);
  if (found === undefined) {
    throw usageError(command, `--${option} must be one of ${choices.join(', ')} but is ${show(text)}.`);
  }
  return found;
}

/** A field delimiter: one or more characters without quotes or line breaks; "tab" or "\t" for a tab. */
export function fieldDelimiter(command: string, option: string, text: string): string {
  if (text === 'tab' || text === '\\t') return '\t';
  if (text === '' || /["\r\n]/.test(text)) {
    throw usageError(command, `--${option} must be a character such as , ; | or tab (written tab or \\t) but is ${show(text)}.`);
  }
  return text;
}

/**
 * A path option that must be given (--model, --out): undefined says it is required, an empty
 * value that it must name `what`.
 */
export function requiredPath(command: string, option: string, given: unknown, what: string, example: string): string {
  if (typeof given === 'string' && given.trim() !== '') return given;
  const start = given === undefined ? `--${option} is required: ${what}` : `--${option} must name ${what}`;
  throw usageError(command, `${start}, e.g. --${option} ${example}${given === undefined ? '' : `, but is ${show(given)}`}.`);
}

/** The path of a file to write, such as --report report.html: not empty. */
export function outputFile(command: string, option: string, text: string, example: string): string {
  if (text.trim() === '') throw usageError(command, `--${option} must name the file to write, e.g. --${option} ${example}, but is ${show(text)}.`);
  return text;
}

/** A list of names separated by commas, from one or more uses of a repeatable option. */
export function nameList(command: string, option: string, given: string | readonly string[]): string[] {
  const names: string[] = [];
  for (const text of typeof given === 'string' ? [given] : given) {
    for (const name of text.split(',').map((part) => part.trim())) {
      if (name === '') throw usageError(command, `--${option} takes column names separated by commas (e.g. id,customer) but is ${show(text)}.`);
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}
