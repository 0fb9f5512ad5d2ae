#!/usr/bin/env node
// The nnkit command (package.json "bin"): runs one command line with the process streams.
import { run } from './run.js';

// NOTE: when the reader of a pipe goes away (nnkit predict ... | head), there is no one left
// to write for: stop quietly, as Unix tools do, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
