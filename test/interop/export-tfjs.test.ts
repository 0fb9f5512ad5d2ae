// nnkit → TF.js layers files → TensorFlow.js 4.22's own tf.loadLayersModel → the same
// predictions (float32 rounding: 1e-5), for a Sequential model with every layer and
// activation the format carries, and a functional multi-class model with Add / Concatenate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as nn from '../../src/index.js';
import { functionalModel, randomRows, sequentialModel } from './models-to-export.js';

tf.env().set('PROD', true);

async function tfjsPredictions(exported: nn.ExportedModel, rows: number[][]): Promise<Float32Array> {
  await tf.setBackend('cpu');
  const json = JSON.parse(new TextDecoder().decode(exported.files.get('model.json')!));
  const shard = exported.files.get(json.weightsManifest[0].paths[0])!;
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest[0].weights,
    weightData: shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength),
  });
  const loaded = await tfl.loadLayersModel(handler);
  return (loaded.predict(tf.tensor2d(rows)) as tf.Tensor).dataSync() as Float32Array;
}

describe('exportModel(model, "tfjs")', () => {
  for (const [name, make, cols] of [['sequential', sequentialModel, 5], ['functional', functionalModel, 4]] as const) {
    test(`a ${name} model predicts the same in TensorFlow.js 4.22`, async (t) => {
      const model = make();
      const rows = randomRows(16, cols, 7);
      const ours = model.predict(nn.tensor(rows)).data;
      const theirs = await tfjsPredictions(await nn.exportModel(model, 'tfjs'), rows);
      assert.equal(theirs.length, ours.length);
      const worst = Math.max(...Array.from(ours, (v, i) => Math.abs(v - theirs[i])));
      t.diagnostic(`max |nnkit - TF.js| = ${worst.toExponential(2)}`);
      assert.ok(worst <= 1e-5, `predictions differ by ${worst}`);
      assert.ok(new Set(Array.from(ours, (v) => v.toFixed(3))).size > 4, 'the model predicts something non-trivial');
    });
  }

  test('the exported files import back into nnkit with the same predictions', async () => {
    const model = functionalModel();
    const back = await nn.importModel((await nn.exportModel(model, 'tfjs')).files);
    const rows = randomRows(8, 4, 3);
    assert.deepEqual(Array.from(back.predict(nn.tensor(rows)).data), Array.from(model.predict(nn.tensor(rows)).data));
  });

  test('an activation TF.js computes differently is refused, naming the layer', async () => {
    const model = nn.sequential([nn.layers.dense({ units: 2, activation: 'hard_sigmoid', name: 'gate' })]);
    model.build([3]);
    await assert.rejects(nn.exportModel(model, 'tfjs'), /layers\[1\] \(Dense "gate"\): the activation "hard_sigmoid" has no identical equivalent/);
  });
});
