#!/usr/bin/env node
// The nnkit command (package.json "bin"): runs one command line with the process streams.
import { EXIT_INTERRUPTED } from './interrupted.js';
import { run } from './run.js';

// NOTE: when the reader of a pipe goes away (nnkit predict ... | head), there is no one left
// to write for: stop quietly, as Unix tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// NOTE: the first Ctrl-C (or SIGTERM) asks the command to stop at its next step, which rolls back
// any half-done save and prints one line; a second one ends the process at once.
const interrupt = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
    interrupt.abort(new DOMException(`interrupted by ${name}`, 'AbortError'));
  });
}

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, signal: interrupt.signal });
