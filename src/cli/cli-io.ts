import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/**
 * Where a command writes: the real process streams from main.ts, collecting streams in tests.
 * Results go to stdout; progress, notes and errors go to stderr when stdout carries data
 * (--json, predictions).
 */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Where `nnkit predict -` reads rows; absent: nothing to read (as from /dev/null). */
  readonly stdin?: Readable;
  /** Aborted on Ctrl-C (main.ts): commands stop at their next step and leave no half-written file. */
  readonly signal?: AbortSignal;
}

/** Whether a stream is a terminal (live progress bars), false for pipes, files and tests. */
export function isTerminal(stream: Readable | Writable): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** Writes text and waits while the stream's buffer is full, so output never piles up in memory. */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Writes lines, each ending with a newline. */
export async function writeLines(stream: Writable, lines: readonly string[]): Promise<void> {
  if (lines.length > 0) await write(stream, lines.join('\n') + '\n');
}

/** Writes a value as indented JSON on one document, ending with a newline. */
export async function writeJson(stream: Writable, value: unknown): Promise<void> {
  await write(stream, JSON.stringify(value, jsonReplacer, 2) + '\n');
}

// NOTE: JSON has no Infinity or NaN; a curve's first threshold is Infinity (scikit-learn's
// convention), so non-finite numbers become the strings "Infinity" / "-Infinity" / "NaN".
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}
