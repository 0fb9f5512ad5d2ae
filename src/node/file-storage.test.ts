// Saves that are interrupted: killed at any moment (SIGKILL) a model folder still loads, as the
// old model or the new one; Ctrl-C (SIGINT) rolls the save back and leaves no stray file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import * as nn from './index.js';

const FIXTURE = join(import.meta.dirname, 'save-loop.fixture.ts');
let root = '';
/** The fixture bundled into one script: a child then starts in well under a second, not ~5 s under tsx. */
let program = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'nnkit-storage-'));
  program = join(root, 'save-loop.mjs');
  // NOTE: the banner gives the ES module bundle the `require` that bundled CommonJS packages call.
  await build({
    entryPoints: [FIXTURE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: program,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Starts the save loop on `dir`, waits for its first save, lets it run `ms`, then sends `signal`. */
async function interruptSaving(dir: string, ms: number, signal: NodeJS.Signals): Promise<void> {
  const child = spawn(process.execPath, [program, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the save loop ended early (${code})`)));
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** The single value every weight of a loaded model holds (the fixture fills each model with one). */
async function savedValue(dir: string): Promise<number> {
  const model = await nn.loadModel(dir);
  const values = new Set(model.getWeights().flatMap((w) => [...new Set(w)]));
  assert.equal(values.size, 1, `one model's weights, not a mix: ${[...values].join(', ')}`);
  return [...values][0];
}

describe('a model folder under interrupted saves', () => {
  test('killed at many points of a save, the folder loads as one of the two models', async () => {
    const dir = join(root, 'killed');
    const seen = new Set<number>();
    for (let k = 0; k < 8; k++) {
      await interruptSaving(dir, 3 + 29 * k, 'SIGKILL');
      seen.add(await savedValue(dir));
    }
    assert.ok([...seen].every((v) => v === 0.25 || v === -0.5), [...seen].join(', '));
    // NOTE: the next save sweeps what the killed ones left (their lock, temporary files, blobs).
    const model = await nn.loadModel(dir);
    await model.save(dir);
    const names = (await readdir(dir)).sort();
    assert.deepEqual(names.map((n) => n.replace(/-[0-9a-f]{8}\.bin$/, '-#.bin')), ['model.json', 'weights-#.bin']);
  });

  test('Ctrl-C during a save leaves a loadable folder, no temporary file and no lock', async () => {
    const dir = join(root, 'interrupted');
    for (const ms of [10, 60, 150]) {
      await interruptSaving(dir, ms, 'SIGINT');
      const names = await readdir(dir);
      assert.deepEqual(names.filter((n) => n.startsWith('.nnkit')), [], names.join(', '));
      assert.ok([0.25, -0.5].includes(await savedValue(dir)));
    }
  });

  test('a folder locked by a running process is refused, naming the process', async () => {
    const dir = join(root, 'locked');
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    await model.save(dir);
    await writeFile(join(dir, '.nnkit-lock'), `${process.ppid}\n`);
    await assert.rejects(model.save(dir), (e: unknown) => e instanceof nn.StateError && e.message.includes(`pid ${process.ppid}`));
    // A lock whose process is gone is taken over.
    await writeFile(join(dir, '.nnkit-lock'), '2147483646\n');
    await model.save(dir);
    assert.deepEqual((await readdir(dir)).filter((n) => n.startsWith('.nnkit')), []);
  });

  test('a path ending in .nnkit is one file holding the bytes of toBytes()', async () => {
    const path = join(root, 'one-file.nnkit');
    const model = nn.sequential([nn.layers.dense({ units: 2, activation: 'softmax', inputShape: [3] })]);
    model.threshold = 0.4;
    await model.save(path);
    const loaded = await nn.loadModel(path);
    assert.deepEqual(loaded.predict([[1, 2, 3]]).data, model.predict([[1, 2, 3]]).data);
    assert.equal(loaded.threshold, 0.4);
    assert.deepEqual((await readdir(root)).filter((n) => n.startsWith('.nnkit')), []);
  });
});
