// nnkit import / nnkit export end to end: a TF.js file in, an nnkit folder out, exported back
// as TF.js and .keras, each predicting as the imported model; usage mistakes exit 2.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as nn from '../../src/node/index.js';
import { runCli, temporaryFolder } from './run-cli.js';

const ML5 = join(import.meta.dirname, '..', 'fixtures', 'interop', 'tfjs', 'ml5_color_tfjs_layers', 'model.json');
const ROWS = nn.tensor([[255, 0, 255], [0, 255, 0], [10, 20, 200]]);

describe('nnkit import and nnkit export', () => {
  let folder: { path: string; remove: () => Promise<void> };
  before(async () => (folder = await temporaryFolder()));
  after(() => folder.remove());

  test('import saves an nnkit model that predicts as the TF.js file; export writes TF.js and .keras', async () => {
    const out = join(folder.path, 'color');
    const imported = await runCli(['import', ML5, '--out', out]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /dense_Dense1 \(Dense\)[\s\S]*Saved to /);
    const model = await nn.loadModel(out);
    const expected = Array.from((await nn.importModel(await nn.readImportFiles([ML5]))).predict(ROWS).data);
    assert.deepEqual(Array.from(model.predict(ROWS).data), expected);

    const tfjs = await runCli(['export', '--model', out, '--format', 'tfjs', '--out', join(folder.path, 'tfjs')]);
    assert.equal(tfjs.code, 0, tfjs.stderr);
    const fromTfjs = await nn.importModel(await nn.readImportFiles([join(folder.path, 'tfjs', 'model.json')]));
    assert.deepEqual(Array.from(fromTfjs.predict(ROWS).data), expected);

    const keras = await runCli(['export', '--model', out, '--format', 'keras', '--out', join(folder.path, 'color.keras'), '--json']);
    assert.equal(keras.code, 0, keras.stderr);
    assert.deepEqual(JSON.parse(keras.stdout).files, [join(folder.path, 'color.keras')]);
    const fromKeras = await nn.importModel(new Uint8Array(await readFile(join(folder.path, 'color.keras'))));
    assert.deepEqual(Array.from(fromKeras.predict(ROWS).data), expected);
  });

  test('an unknown format or a missing --out is a usage error (exit 2) listing the choices', async () => {
    const bad = await runCli(['export', '--model', 'x', '--format', 'coreml', '--out', 'y']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format takes tfjs, keras/);
    const noOut = await runCli(['import', ML5]);
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--out is required/);
  });
});
