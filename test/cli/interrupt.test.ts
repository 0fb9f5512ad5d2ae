// Runs that can be stopped: Ctrl-C during `nnkit train` or `predict` ends with one line and exit
// code 130, leaving the previous model (or nothing) behind; outputs that cannot be written are
// refused before training; a second train into a locked folder refuses; results are printed
// before the save, so a failed save does not lose them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/run.js';
import { Collector, DATA, FIXTURES, runCli, temporaryFolder } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const DATA_FILE = join(FIXTURES, 'customers.csv');
const QUICK = ['--target', 'churned', '--hidden', '4', '--epochs', '3', '--quiet'];

/** Runs `nnkit <argv>` in this process with a signal that is already aborted (Ctrl-C pressed). */
async function runInterrupted(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Collector();
  const stderr = new Collector();
  const controller = new AbortController();
  controller.abort(new DOMException('interrupted by SIGINT', 'AbortError'));
  const code = await run(argv, { stdout, stderr, signal: controller.signal });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let folder: { path: string; remove: () => Promise<void> };
before(async () => {
  folder = await temporaryFolder();
});
after(async () => {
  await folder.remove();
});

describe('nnkit train and predict, interrupted', () => {
  test('Ctrl-C during training: exit 130, one line, and no folder left behind', async () => {
    const out = join(folder.path, 'never');
    const result = await runInterrupted(['train', DATA_FILE, ...QUICK, '--out', out]);
    assert.equal(result.code, 130);
    assert.equal(result.stderr, 'nnkit train: interrupted; nothing was written\n');
    await assert.rejects(readdir(out), /ENOENT/);
  });

  test('Ctrl-C over an existing model leaves it unchanged, with no stray file', async () => {
    const out = join(folder.path, 'kept');
    assert.equal((await runCli(['train', DATA_FILE, ...QUICK, '--out', out])).code, 0);
    const before = await readFile(join(out, 'model.json'), 'utf8');
    const result = await runInterrupted(['train', DATA_FILE, ...QUICK, '--seed', '9', '--out', out]);
    assert.equal(result.code, 130);
    assert.equal(result.stderr, `nnkit train: interrupted; the previous model in ${out} is unchanged\n`);
    assert.equal(await readFile(join(out, 'model.json'), 'utf8'), before);
    assert.deepEqual((await readdir(out)).filter((name) => name.startsWith('.nnkit')), []);
  });

  test('Ctrl-C during predict --out writes nothing', async () => {
    const model = join(folder.path, 'for-predict');
    assert.equal((await runCli(['train', DATA_FILE, ...QUICK, '--out', model])).code, 0);
    const out = join(folder.path, 'predictions.csv');
    const result = await runInterrupted(['predict', '--model', model, join(FIXTURES, 'customers-new.csv'), '--out', out]);
    assert.equal(result.code, 130);
    assert.equal(result.stderr, `nnkit predict: interrupted; nothing was written (${out} is as it was)\n`);
    assert.deepEqual((await readdir(folder.path)).filter((name) => name.startsWith('predictions') || name.startsWith('.nnkit')), []);
  });

  test('a real SIGINT to the nnkit process mid-training ends it the same way', async () => {
    const out = join(folder.path, 'signalled');
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'train', join(DATA, 'breast_cancer.csv'), '--epochs', '400', '--patience', '400', '--out', out], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        // NOTE: the plan lines are printed once the data is read and training is about to start.
        if (stdout.includes('Model:')) resolve();
      });
    });
    child.kill('SIGINT');
    assert.equal(await exited, 130, stderr);
    assert.equal(stderr.trim().split('\n').at(-1), 'nnkit train: interrupted; nothing was written');
    await assert.rejects(readdir(out), /ENOENT/);
  });
});

describe('nnkit train outputs', () => {
  test('an --out or --report that cannot be written is refused before training', async () => {
    const file = join(folder.path, 'a-file');
    await writeFile(file, 'not a folder');
    const out = await runCli(['train', DATA_FILE, ...QUICK, '--out', join(file, 'model')]);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /^nnkit train: --out: cannot write to the model folder .*a-file\/model \(a file stands where a folder is needed: ENOTDIR\); choose a path .* Nothing was trained\.\n$/);
    assert.equal(out.stdout, '');
    const report = await runCli(['train', DATA_FILE, ...QUICK, '--out', join(folder.path, 'ok'), '--report', join(file, 'r.html')]);
    assert.equal(report.code, 1);
    assert.match(report.stderr, /--report: cannot write to the report's folder .*a-file \(a file stands where a folder is needed: EEXIST\)/);
    await assert.rejects(readdir(join(folder.path, 'ok')), /ENOENT/, 'the --out folder it created is removed again');
  });

  test('a folder another nnkit process is writing is refused, naming its pid', async () => {
    const out = join(folder.path, 'locked');
    await mkdir(out);
    await writeFile(join(out, '.nnkit-lock'), `${process.ppid}\n`);
    const result = await runCli(['train', DATA_FILE, ...QUICK, '--out', out]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`being written by another nnkit process \\(pid ${process.ppid}\\)`));
    assert.equal(result.stdout, '');
  });

  test('the results are printed before the save, so a failed save does not lose them', async () => {
    const out = join(folder.path, 'unsavable');
    // NOTE: a folder in model.json's place lets every check pass and the final rename fail.
    await mkdir(join(out, 'model.json', 'blocked'), { recursive: true });
    const result = await runCli(['train', DATA_FILE, ...QUICK, '--out', out]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /Test results/);
    assert.doesNotMatch(result.stdout, /Model saved/);
    assert.match(result.stderr, /^nnkit train: .*model\.json/);
    assert.deepEqual((await readdir(out)).filter((name) => name.startsWith('.nnkit') || name.endsWith('.bin')), []);
  });
});
