// An imported model is an ordinary nnkit model (summary, evaluate, fit, save), and what nnkit
// cannot compute exactly is refused with the layer's class, its place and what is supported.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as nn from '../../src/node/index.js';
import { expectedOutputs, fixtureFiles, LOCAL_INTEROP } from './shared-interop.js';

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

  test('a Keras Normalization layer with its mean and variance imports and predicts what Keras does', async () => {
    const mean = [10, -3, 0.5];
    const variance = [4, 0.25, 16];
    const files = editedMl5((t) => t.config.unshift({ class_name: 'Normalization', config: { name: 'norm', axis: [-1], mean, variance, batch_input_shape: [null, 3] } }));
    const model = await nn.importModel(files);
    assert.match(model.summary({ printFn: () => {} }), /norm \(Normalization\)\s+│ \(None, 3\)\s+│\s+0 │/);
    // Raw rows whose normalized values (x − mean) / √variance are the fixture's inputs (exact in
    // float32: the standard deviations are powers of two), so the outputs are its float64 reference.
    const { inputs, reference_float64: reference } = expectedOutputs(LOCAL_INTEROP)[ML5];
    const raw = inputs.map((row) => row.map((v, j) => v * Math.sqrt(variance[j]) + mean[j]));
    const predicted = model.predict(nn.tensor(raw)).data;
    reference.flat().forEach((p, i) => assert.ok(Math.abs(predicted[i] - p) <= 1e-5, `output ${i}: ${predicted[i]} vs ${p}`));
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
