// Import in a browser: headless Chromium, a page with a file input, the files picked as a user
// picks them (a .keras, a whole-model .h5, an architecture JSON with its weights .h5, a TF.js
// model.json with its .bin shard); nn.readImportFiles(input.files) then nn.importModel predict
// what the float64 reference over the same files gives (1e-5). A model.json picked without its
// shard is an error naming the shard.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundleForBrowser, chromiumSkip, launchChromium } from '../helpers/chromium.js';
import { expectedOutputs, LOCAL_INTEROP, SHARED_INTEROP, sharedInteropMissing } from './shared-interop.js';

const ENTRY = `
import * as nn from './src/index.ts';
import { readImportFiles } from './src/browser/import-files.ts';

window.importPicked = async (rows) => {
  await nn.ready();
  try {
    const files = await readImportFiles(document.querySelector('input').files);
    const model = await nn.importModel(files);
    return { files: [...files.keys()].sort(), outputs: Array.from(model.predict(nn.tensor(rows)).data) };
  } catch (error) {
    return { error: error.message };
  }
};
`;

type Picked = { files: string[]; outputs: number[]; error?: undefined } | { error: string };

/** What a user picks for each fixture: the paths of the files, in the folder of `root`. */
const PICKS: readonly { key: string; root: string; files: readonly string[]; shared: boolean }[] = [
  { key: 'tfjs/ml5_color_tfjs_layers/model.json', root: LOCAL_INTEROP, files: ['model.json', 'model.weights.bin'], shared: false },
  { key: 'legacy_h5/dl4j_sparse_xent', root: LOCAL_INTEROP, files: ['simple_sparse_xent_mlp_keras_2_model.h5'], shared: false },
  { key: 'keras3/student_pass_fail', root: SHARED_INTEROP, files: ['model.keras'], shared: true },
  { key: 'keras3/diabetes_bn_dropout', root: SHARED_INTEROP, files: ['model.keras'], shared: true },
  { key: 'legacy_h5/hls4ml_3layer_bn', root: SHARED_INTEROP, files: ['KERAS_3layer_batch_norm.json', 'KERAS_3layer_batch_norm_weights.h5'], shared: true },
  { key: 'h5_and_tfjs/stroke_keras3_8/model.h5', root: SHARED_INTEROP, files: ['model.h5'], shared: true },
  { key: 'tfjs/keras3_converted_issue8328/model.json', root: SHARED_INTEROP, files: ['model.json', 'group1-shard1of1.bin'], shared: true },
];

const sharedMissing = sharedInteropMissing();

describe('importModel from a file input in Chromium', { skip: chromiumSkip }, () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    const bundle = (await bundleForBrowser(ENTRY)).code;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('http://nnkit.test/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>import</title><input type="file" multiple>' }));
    await page.goto('http://nnkit.test/');
    await page.addScriptTag({ content: bundle });
  });
  after(() => browser?.close());

  async function pick(folder: string, files: readonly string[], rows: number[][]): Promise<Picked> {
    await page.setInputFiles('input', files.map((name) => join(folder, name)));
    return page.evaluate((r) => (window as unknown as { importPicked(rows: number[][]): Promise<Picked> }).importPicked(r), rows);
  }

  for (const { key, root, files, shared } of PICKS) {
    test(`${key}: ${files.join(' + ')} picked, imported, predicting the reference`, { skip: shared ? sharedMissing : false }, async (t) => {
      const expected = expectedOutputs(root)[key];
      const folder = join(root, key.endsWith('.json') || key.endsWith('.h5') ? key.slice(0, key.lastIndexOf('/')) : key);
      assert.ok(files.every((f) => readdirSync(folder).includes(f)), `${folder} holds ${files.join(', ')}`);
      const result = await pick(folder, files, expected.inputs);
      assert.equal(result.error, undefined, result.error);
      const outputs = (result as { outputs: number[] }).outputs;
      const reference = expected.reference_float64.flat();
      assert.equal(outputs.length, reference.length);
      const worst = Math.max(...outputs.map((v, i) => Math.abs(v - reference[i])));
      t.diagnostic(`max |nnkit in Chromium − reference| = ${worst.toExponential(2)}`);
      assert.ok(worst <= 1e-5, `outputs differ by ${worst}`);
      assert.deepEqual(errors, []);
    });
  }

  test('a model.json picked without its weights shard is refused, naming the shard', async () => {
    const result = await pick(join(LOCAL_INTEROP, 'tfjs/ml5_color_tfjs_layers'), ['model.json'], [[0, 0, 0]]);
    assert.match(result.error ?? '', /model\.json names weight shards that were not picked \("model\.weights\.bin"\); select model\.json and its \.bin files together/);
  });
});
