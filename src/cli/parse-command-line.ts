import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, show } from '../errors.js';
import { closestOption } from './closest-option.js';

/** Option definitions in util.parseArgs' form: every value option is a string, flags are booleans. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine {
  /** A repeatable option (`multiple: true`) gives every value it was given, in order. */
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** The error code of a mistake in how a command was typed (exit code 2). */
export const USAGE_ERROR = 'cli/usage';

/** A mistake in how the command was typed: a ConfigError ending with a pointer to --help. */
export function usageError(command: string, message: string): ConfigError {
  return new ConfigError(USAGE_ERROR, `${message} Run "nnkit ${command} --help" for the options.`);
}

/** A negative number given as an option's value (`--seed -1`, `--learning-rate -.5`). */
const NEGATIVE_NUMBER = /^-(\d|\.\d|inf)/i;

/**
 * Reads a command's arguments with Node's util.parseArgs tokens and checks them here, so that
 * every mistake is one usage error naming the option, what it got and what it takes: an unknown
 * option (with the closest known one), a value missing, a value given to a switch, a value that
 * starts with a dash. Unlike parseArgs' strict mode, a negative number is an option's value
 * (`--seed -1`), not an option. `help` (the command's --help text) lets a missing value quote the
 * option's line.
 */
export function parseCommandLine(command: string, argv: readonly string[], options: OptionSpecs, maxPositionals: number, help = ''): CommandLine {
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.prototype.hasOwnProperty.call(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) throw usageError(command, unknownOption(command, token.rawName, options));
    const flag = `--${token.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw usageError(command, `${flag} is a switch and takes no value, but got ${show(token.value)}; write ${flag} alone.`);
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined) throw usageError(command, `${flag} needs a value${takes(help, flag)}.`);
    if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-' && !NEGATIVE_NUMBER.test(token.value)) {
      throw usageError(
        command,
        `${flag} needs a value but is followed by the option ${show(token.value)}${takes(help, flag)}; ` +
          `to give a value that starts with a dash, write ${flag}=${token.value}.`,
      );
    }
    const previous = values[token.name];
    values[token.name] = spec.multiple === true ? [...(Array.isArray(previous) ? previous : []), token.value] : token.value;
  }
  if (positionals.length > maxPositionals) {
    const extra = positionals.slice(maxPositionals).map((value) => JSON.stringify(value)).join(', ');
    const count = maxPositionals === 0 ? 'takes no file argument' : `takes ${maxPositionals === 1 ? 'one file' : `${maxPositionals} files`}`;
    throw usageError(command, `"nnkit ${command}" ${count} but also got ${extra}.`);
  }
  return { values, positionals };
}

function unknownOption(command: string, rawName: string, options: OptionSpecs): string {
  const names = Object.keys(options).map((name) => `--${name}`);
  const closest = closestOption(rawName, names);
  if (closest !== undefined) return `Unknown option ${rawName}; did you mean ${closest}?`;
  return `Unknown option ${rawName}; "nnkit ${command}" takes ${names.join(', ')}.`;
}

/**
 * What an option takes, from its line in the command's help text ("  --epochs <n>   most epochs;
 * ..."), as ` (--epochs <n>: most epochs; ...)`; empty when the help has no such line.
 */
export function takes(help: string, flag: string): string {
  const lines = help.split('\n');
  const at = lines.findIndex((text) => new RegExp(`^\\s+(-\\w, )?${flag}[ ,]`).test(text));
  const match = at === -1 ? null : /^\s+((?:-\w, )?--[\w-]+(?:, -\w)?(?: <[^>]+>\S*| \w+)?)\s{2,}(.*)$/.exec(lines[at]);
  if (match === null) return '';
  // NOTE: a description can go on over the next lines, indented past the option column.
  const indent = lines[at].length - match[2].length;
  const more = [];
  for (let next = at + 1; next < lines.length && /^\s+\S/.test(lines[next]) && lines[next].search(/\S/) >= indent; next++) more.push(lines[next].trim());
  return ` (${match[1]}: ${[match[2].trim(), ...more].join(' ')})`;
}
