import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../errors.js';

/** Option definitions in util.parseArgs' form: every value option is a string, flags are booleans. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** The error code of a mistake in how a command was typed (exit code 2). */
export const USAGE_ERROR = 'cli/usage';

/** A mistake in how the command was typed: a ConfigError ending with a pointer to --help. */
export function usageError(command: string, message: string): ConfigError {
  return new ConfigError(USAGE_ERROR, `${message} Run "nnkit ${command} --help" for the options.`);
}

/**
 * Parses a command's arguments with Node's util.parseArgs (strict: unknown options and missing
 * values are errors), turning its errors into a one-line usage error that names the command.
 */
export function parseCommandLine(command: string, argv: readonly string[], options: OptionSpecs, maxPositionals: number): CommandLine {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(command, describeParseError(error));
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals.slice(maxPositionals).map((value) => JSON.stringify(value)).join(', ');
    const takes = maxPositionals === 0 ? 'takes no file argument' : `takes ${maxPositionals === 1 ? 'one file' : `${maxPositionals} files`}`;
    throw usageError(command, `"nnkit ${command}" ${takes} but also got ${extra}.`);
  }
  return { values: parsed.values as CommandLine['values'], positionals: parsed.positionals };
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    return `Unknown option ${option}.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // NOTE: Node's wording is already one clear sentence ("Option '--epochs <value>' argument missing").
    return `${message.split('\n')[0].replace(/\.$/, '')}.`;
  }
  if (error instanceof TypeError || code !== undefined) return `${message.split('\n')[0].replace(/\.$/, '')}.`;
  throw error;
}
