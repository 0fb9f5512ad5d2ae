import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/run.js';

/** A stream that keeps what is written, for running the CLI in-process. */
export class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `nnkit <argv>` in this process with collecting streams (and `stdin`, read by `predict -`). */
export async function runCli(argv: readonly string[], options: { stdin?: Readable } = {}): Promise<CliOutcome> {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await run(argv, { stdout, stderr, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A fresh temporary folder and a function that removes it. */
export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'nnkit-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cli');
export const DATA = join(import.meta.dirname, '..', '..', 'data');
