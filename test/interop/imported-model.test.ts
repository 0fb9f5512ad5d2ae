// An imported model is an ordinary nnkit model (summary, evaluate, fit, save), and what nnkit
// cannot compute exactly is refused with the layer's class, its place and what is supported.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as nn from '../../src/node/index.js';
import { fixtureFiles, LOCAL_INTEROP } from './shared-interop.js';

const ML5 = 'tfjs/ml5_color_tfjs_layers/model.json';

/** The ml5 model's files with its model.json edited. */
function editedMl5(edit: (topology: { config: Record<string, unknown>[] }) => void): Map<string, Uint8Array> {
  const files = fixtureFiles(ML5, LOCAL_INTEROP);
  const json = JSON.parse(new TextDecoder().decode(files.get('model.json')!));
  edit(json.modelTopology);
  files.set('model.json', new TextEncoder().encode(JSON.stringify(json)));
  return files;
}

describe('an imported model', () => {
  test('shows the Keras summary, evaluates, fine-tunes and saves as nnkit', async () => {
    const model = await nn.importModel(fixtureFiles(ML5, LOCAL_INTEROP));
    const summary = model.summary({ printFn: () => {} });
    assert.match(summary, /dense_Dense2 \(Dense\)\s+│ \(None, 9\)/);
    assert.deepEqual(model.metadata.importedFrom, { format: 'tfjs', file: 'model.json', kerasVersion: 'tfjs-layers 1.2.2' });
    const x = nn.tensor([[255, 0, 255], [0, 255, 0], [128, 128, 128], [10, 20, 200]]);
    const y = nn.toCategorical([1, 2, 3, 4], 9);
    model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.01 }), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const before = model.evaluate(x, y) as Record<string, number>;
    await model.fit(x, y, { epochs: 5, verbose: 0 });
    const after = model.evaluate(x, y) as Record<string, number>;
    assert.ok(after.loss < before.loss, `fit lowered the loss (${before.loss} → ${after.loss})`);
    const dir = await mkdtemp(join(tmpdir(), 'nnkit-import-'));
    try {
      await model.save(join(dir, 'm'));
      const loaded = await nn.loadModel(join(dir, 'm'));
      assert.deepEqual(Array.from(loaded.predict(x).data), Array.from(model.predict(x).data));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a layer class nnkit lacks is refused with its place and the supported list', async () => {
    const files = editedMl5((t) => (t.config[1].class_name = 'LayerNormalization'));
    await assert.rejects(nn.importModel(files), (error: Error) => {
      assert.match(error.message, /model\.json: layers\[1\] \(LayerNormalization "dense_Dense2"\): nnkit cannot import the layer class LayerNormalization; supported: InputLayer, Dense/);
      return true;
    });
  });

  test('the model doctor sees it: a linear (regression) output compiled with a probability loss', async () => {
    const model = await nn.importModel(fixtureFiles('tfjs/abalone_tfjs_layers/model.json', LOCAL_INTEROP));
    assert.throws(() => model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'output-not-probability');
      assert.match(error.message, /binary_crossentropy expects probabilities, but the output activation is 'linear'/);
      return true;
    });
  });

  test('a Keras Normalization layer is refused by name (nnkit has no such layer yet)', async () => {
    const files = editedMl5((t) => t.config.splice(1, 0, { class_name: 'Normalization', config: { name: 'norm', axis: -1, mean: [0, 0, 0], variance: [1, 1, 1] } }));
    await assert.rejects(nn.importModel(files), /layers\[1\] \(Normalization "norm"\): nnkit cannot import the layer class Normalization; supported: InputLayer, Dense/);
  });

  test("Keras 2's hard_sigmoid (0.2·x + 0.5) is refused, not computed as Keras 3's", async () => {
    const files = editedMl5((t) => ((t.config[0].config as Record<string, unknown>).activation = 'hard_sigmoid'));
    await assert.rejects(nn.importModel(files), /layers\[0\] \(Dense "dense_Dense1"\): the activation "hard_sigmoid" cannot be imported \(this file is Keras 2 \/ TF\.js/);
  });

  test('an input that is not rows of features is refused', async () => {
    const files = editedMl5((t) => ((t.config[0].config as Record<string, unknown>).batch_input_shape = [null, 4, 3]));
    await assert.rejects(nn.importModel(files), /the input shape \[null,4,3\] is not supported; nnkit models take rows of features/);
  });

  test('a missing weights shard is named', async () => {
    const files = fixtureFiles(ML5, LOCAL_INTEROP);
    files.delete('model.weights.bin');
    await assert.rejects(nn.importModel(files), /the weights shard "\.\/model\.weights\.bin" named by its weightsManifest is missing/);
  });
});
