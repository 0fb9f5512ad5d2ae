// With --json, a failed command writes one JSON object on stderr, {"error": {"code", "message"}},
// and exits with the code it has without --json: 1 data / model / files, 2 usage, 130 interrupted,
// 70 a bug (which adds its stack).
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { Collector, FIXTURES, runCli, temporaryFolder } from './run-cli.js';

const MODEL = join(import.meta.dirname, '..', 'fixtures', 'classifier-v1');
const NEW = join(FIXTURES, 'customers-new.csv');

/** Asserts nothing on stdout and one line of JSON on stderr, and returns its error object. */
function jsonError(outcome: { code: number; stdout: string; stderr: string }, code: number): { code: string; message: string; stack?: string } {
  assert.equal(outcome.code, code, outcome.stderr);
  assert.equal(outcome.stdout, '');
  assert.equal(outcome.stderr.split('\n').length, 2, `one line expected: ${outcome.stderr}`);
  const parsed = JSON.parse(outcome.stderr) as { error: { code: string; message: string; stack?: string } };
  assert.deepEqual(Object.keys(parsed), ['error']);
  return parsed.error;
}

let folder: { path: string; remove: () => Promise<void> };
before(async () => {
  folder = await temporaryFolder();
});
after(() => folder.remove());

describe('nnkit --json errors', () => {
  test('a mistyped option: exit 2, code cli/usage', async () => {
    const error = jsonError(await runCli(['train', '--out', 'x', '--epochs', 'ten', '--json']), 2);
    assert.equal(error.code, 'cli/usage');
    assert.match(error.message, /^--epochs must be a whole number of 1 or more but is "ten"\. Run "nnkit train --help"/);
  });

  test('an unknown command: exit 2', async () => {
    const error = jsonError(await runCli(['fit', '--json']), 2);
    assert.equal(error.code, 'cli/usage');
    assert.match(error.message, /^unknown command "fit"; the commands are train, evaluate, predict/);
  });

  test('a malformed file: exit 1 and the data error code, the message on one line', async () => {
    const error = jsonError(await runCli(['train', join(FIXTURES, 'ragged.csv'), '--out', join(folder.path, 'm'), '--json']), 1);
    assert.equal(error.code, 'data/ragged-row');
    assert.match(error.message, /ragged\.csv, line 4: this row has 4 values .* but the header has 3 columns/);
  });

  test('a missing model: exit 1', async () => {
    const error = jsonError(await runCli(['predict', '--model', join(folder.path, 'nowhere'), NEW, '--json']), 1);
    assert.match(error.message, /nowhere does not exist; a saved model is a folder holding model\.json/);
  });

  test('a file-system error: exit 1 and system/<errno>', async () => {
    const file = join(folder.path, 'a-file');
    await writeFile(file, '');
    const error = jsonError(await runCli(['predict', '--model', MODEL, NEW, '--out', join(file, 'p.csv'), '--json']), 1);
    assert.match(error.code, /^system\/E[A-Z]+$/);
  });

  test('Ctrl-C: exit 130, code cli/interrupted', async () => {
    const stdout = new Collector();
    const stderr = new Collector();
    const controller = new AbortController();
    controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
    const code = await run(['predict', '--model', MODEL, NEW, '--json'], { stdout, stderr, signal: controller.signal });
    const error = jsonError({ code, stdout: stdout.text, stderr: stderr.text }, 130);
    assert.deepEqual(error, { code: 'cli/interrupted', message: 'interrupted; after 0 predictions' });
  });

  test('a bug in nnkit: exit 70, with the error and its stack', async () => {
    const stderr = new Collector();
    const broken = new Writable({
      write() {
        throw new TypeError('stdout exploded');
      },
    });
    const code = await run(['summary', '--model', MODEL, '--json'], { stdout: broken, stderr });
    assert.equal(code, 70);
    const { error } = JSON.parse(stderr.text);
    assert.equal(error.code, 'internal');
    assert.match(error.message, /^internal error; this is a bug in nnkit, please report it .*: TypeError: stdout exploded$/);
    assert.match(error.stack, /TypeError: stdout exploded\n\s+at /);
  });

  test('--json after -- is an argument, not the switch: the error stays text', async () => {
    const outcome = await runCli(['summary', '--model', '', '--', '--json']);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /^nnkit summary: /);
  });
});
