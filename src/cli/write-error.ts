import type { Writable } from 'node:stream';
import { writeLines } from './cli-io.js';

/** A failed command as the user sees it: a stable code and a message (plus the stack of a bug). */
export interface CommandFailure {
  /** An NnkitError's code (`data/ragged-row`, `cli/usage`...), `system/<errno>`, `cli/interrupted` or `internal`. */
  readonly code: string;
  readonly message: string;
  /** Only for an internal error (a bug in nnkit): where it happened. */
  readonly stack?: string;
}

/** Whether the command line asks for JSON (`--json` before any `--`): errors are then JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * Writes a failure to stderr: one line `nnkit <command>: <message>`, or with --json one line of
 * JSON, `{"error": {"code": ..., "message": ...}}` (plus `stack` for a bug), so a program reading
 * stderr gets an object whatever went wrong. The exit code is the caller's.
 */
export async function writeError(stream: Writable, command: string, json: boolean, failure: CommandFailure): Promise<void> {
  const message = failure.message.replace(/\s*\n\s*/g, ' ').trim();
  if (json) {
    const error = { code: failure.code, message, ...(failure.stack === undefined ? {} : { stack: failure.stack }) };
    return writeLines(stream, [JSON.stringify({ error })]);
  }
  await writeLines(stream, [`${command === '' ? 'nnkit' : `nnkit ${command}`}: ${message}`, ...(failure.stack === undefined ? [] : [failure.stack])]);
}
