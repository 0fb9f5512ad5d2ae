import assert from 'node:assert/strict';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { Collector, DATA, FIXTURES, runCli, temporaryFolder } from './run-cli.js';

/** Asserts a failed run: the exit code, nothing on stdout, one line on stderr matching `pattern`. */
function assertOneLineError(outcome: { code: number; stdout: string; stderr: string }, code: number, pattern: RegExp): void {
  assert.equal(outcome.code, code, outcome.stderr);
  assert.equal(outcome.stdout, '');
  const lines = outcome.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${outcome.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(outcome.stderr, /\n\s+at /, 'no stack trace');
}

describe('nnkit on malformed files: exit code 1 and one line naming the file, line and value', () => {
  let folder: { path: string; remove: () => Promise<void> };
  before(async () => {
    folder = await temporaryFolder();
  });
  after(() => folder.remove());
  const out = () => join(folder.path, 'model');

  test('a ragged row', async () => {
    const outcome = await runCli(['train', join(FIXTURES, 'ragged.csv'), '--out', out()]);
    assertOneLineError(outcome, 1, /^nnkit train: .*ragged\.csv, line 4: this row has 4 values .* but the header has 3 columns/);
  });

  test('a text value in a numeric column', async () => {
    const outcome = await runCli(['train', join(FIXTURES, 'text-in-numeric.csv'), '--out', out()]);
    assertOneLineError(outcome, 1, /^nnkit train: .*text-in-numeric\.csv, line 14, column "texture": "abc" is text, but the column holds numbers/);
  });

  test('an unknown target column', async () => {
    const outcome = await runCli(['train', join(DATA, 'breast_cancer.csv'), '--target', 'diagnosis', '--out', out()]);
    assertOneLineError(outcome, 1, /^nnkit train: .*breast_cancer\.csv has no column named "diagnosis" to use as the target; its columns are "mean_radius"/);
  });

  test('an empty file', async () => {
    const outcome = await runCli(['train', join(FIXTURES, 'empty.csv'), '--out', out()]);
    assertOneLineError(outcome, 1, /^nnkit train: .*empty\.csv is empty; a CSV file needs a header row/);
  });

  test('a file that does not exist', async () => {
    const outcome = await runCli(['train', join(FIXTURES, 'missing.csv'), '--out', out()]);
    assertOneLineError(outcome, 1, /^nnkit train: There is no file ".*missing\.csv"; check the path/);
  });

  test('a model folder that does not exist', async () => {
    const outcome = await runCli(['predict', '--model', join(folder.path, 'nowhere'), join(DATA, 'iris.csv')]);
    assertOneLineError(outcome, 1, /^nnkit predict: .*nowhere does not exist; a saved model is a folder holding model\.json/);
  });

  test('too few rows of a class for the validation split, before any training', async () => {
    const file = join(folder.path, 'tiny.csv');
    await writeFile(file, 'a,label\n1,0\n2,1\n3,0\n4,1\n');
    const outcome = await runCli(['train', file, '--out', out(), '--quiet']);
    assertOneLineError(outcome, 1, /^nnkit train: .*tiny\.csv: the 1 validation row of the stratified split holds no row of class "1" .*--validation-split larger\.$/);
  });

  test('--threshold on a three-class target', async () => {
    const outcome = await runCli(['train', join(DATA, 'iris.csv'), '--out', out(), '--threshold', '0.3']);
    assertOneLineError(outcome, 1, /^nnkit train: --threshold applies to two-class targets, but "label" has 3 classes/);
  });

  test('a malformed file leaves no model behind', async () => {
    await runCli(['train', join(FIXTURES, 'ragged.csv'), '--out', out()]);
    await assert.rejects(access(join(out(), 'model.json')));
  });
});

describe('nnkit on mistyped commands: exit code 2 and one line pointing to --help', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown option', ['train', '--out', 'x', '--epoch', '5'], /^nnkit train: Unknown option --epoch; did you mean --epochs\? Run "nnkit train --help"/],
    ['a missing --out', ['train'], /^nnkit train: --out is required/],
    ['a non-numeric --epochs', ['train', '--out', 'x', '--epochs', 'ten'], /--epochs must be a whole number of 1 or more but is "ten"/],
    ['a dropout of 1', ['train', '--out', 'x', '--dropout', '1'], /--dropout must be a number from 0 up to \(not including\) 1/],
    ['bad hidden sizes', ['train', '--out', 'x', '--hidden', '64,,32'], /--hidden must list layer sizes/],
    ['an unknown optimizer', ['train', '--out', 'x', '--optimizer', 'lbfgs'], /--optimizer must be one of sgd, rmsprop, adam, adamw, adagrad/],
    ['an unreadable threshold objective', ['train', '--out', 'x', '--threshold', 'accuracy'], /^nnkit train: --threshold: Cannot read the threshold objective "accuracy"/],
    ['a threshold above 1', ['train', '--out', 'x', '--threshold', '1.5'], /--threshold as a number must be a probability from 0 to 1/],
    ['an option without its value', ['evaluate', '--model'], /^nnkit evaluate: --model needs a value \(--model, -m <folder>: the saved model \(required\)\)\./],
    ['two data files', ['train', 'a.csv', 'b.csv', '--out', 'x'], /"nnkit train" takes one file but also got "b\.csv"/],
    ['evaluate without a file', ['evaluate', '--model', 'm'], /^nnkit evaluate: Give the labelled CSV file/],
    ['predict without --model', ['predict', 'data.csv'], /^nnkit predict: --model is required/],
    ['summary with a file', ['summary', '--model', 'm', 'extra.csv'], /"nnkit summary" takes no file argument/],
    ['an unknown command', ['fit'], /^nnkit: unknown command "fit"/],
  ];
  for (const [name, argv, pattern] of cases) {
    test(name, async () => assertOneLineError(await runCli(argv), 2, pattern));
  }

  test('no command at all prints the usage on stderr', async () => {
    const outcome = await runCli([]);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /^Usage: nnkit <command>/);
  });
});

describe('nnkit --help', () => {
  for (const command of ['train', 'evaluate', 'predict', 'summary']) {
    test(`${command} --help prints its usage and options on stdout and exits 0`, async () => {
      const outcome = await runCli([command, '--help']);
      assert.equal(outcome.code, 0);
      assert.match(outcome.stdout, new RegExp(`^Usage: nnkit ${command} `));
      assert.match(outcome.stdout, /--json/);
      assert.equal(outcome.stderr, '');
    });
  }

  test('nnkit --help lists the commands', async () => {
    const outcome = await runCli(['--help']);
    assert.equal(outcome.code, 0);
    for (const command of ['train', 'evaluate', 'predict', 'summary']) assert.match(outcome.stdout, new RegExp(`^  ${command} `, 'm'));
  });
});

test('an unexpected internal error prints the stack with a request to report it, exit code 70', async () => {
  const stderr = new Collector();
  const broken = new Writable({
    write() {
      throw new TypeError('stdout exploded');
    },
  });
  const code = await run(['--version'], { stdout: broken, stderr });
  assert.equal(code, 70);
  assert.match(stderr.text, /internal error; this is a bug in nnkit, please report it/);
  assert.match(stderr.text, /TypeError: stdout exploded\n\s+at /);
});
