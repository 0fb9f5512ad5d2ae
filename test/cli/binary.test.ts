import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

/** Runs the real entry point (src/cli/main.ts through tsx) as a separate process. */
function nnkit(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

test('the nnkit binary sets the exit code and keeps stdout for results, stderr for one-line errors', async () => {
  assert.match(await readFile(MAIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);

  const help = nnkit(['summary', '--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: nnkit summary --model <folder>/);
  assert.equal(help.stderr, '');

  const failed = nnkit(['train', join(FIXTURES, 'ragged.csv'), '--out', join(FIXTURES, 'never-written')]);
  assert.equal(failed.status, 1);
  assert.equal(failed.stdout, '');
  assert.match(failed.stderr, /^nnkit train: .*ragged\.csv, line 4: this row has 4 values .*\n$/);

  const mistyped = nnkit(['predict', '--modle', 'm']);
  assert.equal(mistyped.status, 2);
  assert.equal(mistyped.stderr, 'nnkit predict: Unknown option --modle; did you mean --model? Run "nnkit predict --help" for the options.\n');
});
