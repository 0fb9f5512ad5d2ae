#!/usr/bin/env node
// The nnkit command (package.json "bin"): runs one command line with the process streams.
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
