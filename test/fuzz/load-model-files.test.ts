// The model loader on disk (src/node/file-storage.ts): damaged directories end in a FormatError that
// names the file, and sizes are compared before anything is read, so a hostile declared size
// never drives an allocation.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import * as nn from '../../src/node/index.js';
import { fuzzParameters, onlyTypedErrorsAsync, outcomes, summary } from './fuzz-config.js';

let root = '';
let saved = '';
/** The blob names the saved model.json gives (weights-<crc32>.bin, optimizer-<crc32>.bin). */
let weightsBin = '';
let optimizerBin = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'nnkit-load-'));
  saved = join(root, 'good');
  nn.setSeed(9);
  const model = nn.sequential([nn.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }), nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  await model.fit([[0, 1, 2], [1, 0, 1], [2, 2, 0], [0, 0, 1]], [0, 1, 1, 0], { epochs: 2, verbose: 0 });
  await model.save(saved, { includeOptimizer: true });
  const json = JSON.parse(await readFile(join(saved, 'model.json'), 'utf8'));
  weightsBin = json.weightsFile.file;
  optimizerBin = json.optimizerState.file;
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the saved model directory with `change` applied to its files. */
async function damaged(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name);
  await rm(dir, { recursive: true, force: true });
  await cp(saved, dir, { recursive: true });
  await change(dir);
  return dir;
}

async function assertFormatError(dir: string, pattern: RegExp): Promise<void> {
  await assert.rejects(nn.loadModel(dir), (e: unknown) => e instanceof nn.FormatError && pattern.test(e.message));
}

test('the saved directory loads', async () => {
  const model = await nn.loadModel(saved);
  assert.equal(model.inputFeatures, 3);
});

test('a missing directory, model.json or weights.bin is a FormatError naming the file', async () => {
  await assertFormatError(join(root, 'nowhere'), /nowhere does not exist/);
  await assertFormatError(await damaged('no-weights', (d) => rm(join(d, weightsBin))), /weights-[0-9a-f]{8}\.bin does not exist/);
  await assertFormatError(await damaged('no-optimizer', (d) => rm(join(d, optimizerBin))), /optimizer-[0-9a-f]{8}\.bin does not exist/);
});

test('a truncated weights.bin is refused by its size before it is read', async () => {
  await assertFormatError(await damaged('short', (d) => truncate(join(d, weightsBin), 10)), /holds 10 bytes but model\.json declares/);
});

test('a declared weight size of a petabyte is refused without allocating it', async () => {
  const dir = await damaged('huge', async (d) => {
    const json = JSON.parse(await readFile(join(d, 'model.json'), 'utf8'));
    json.weightsFile.bytes = 2 ** 50;
    await writeFile(join(d, 'model.json'), JSON.stringify(json));
  });
  await assertFormatError(dir, /declares 1125899906842624/);
});

test('random bytes in place of model.json or weights.bin end in a typed error', async (t) => {
  const seen = outcomes();
  const dir = await damaged('random', async () => undefined);
  const goodJson = await readFile(join(saved, 'model.json'));
  const goodWeights = await readFile(join(saved, weightsBin));
  await fc.assert(
    fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 256 }), async (replaceJson, bytes) => {
      await writeFile(join(dir, 'model.json'), replaceJson ? bytes : goodJson);
      await writeFile(join(dir, weightsBin), replaceJson ? goodWeights : bytes);
      await onlyTypedErrorsAsync(seen, () => nn.loadModel(dir));
    }),
    fuzzParameters(Math.min(60, fuzzParameters().numRuns)),
  );
  t.diagnostic(summary(seen));
  assert.equal(seen.accepted, 0);
});
