// A classifier out to TF.js and Keras: a bagged ensemble is one network (members' branches and a
// fixed averaging layer), so TF.js 4.22 and a .keras round trip give its probabilities; a
// calibrated pipeline, whose probabilities its network alone does not give, is refused with the
// format that holds it (ONNX), never written as a network that predicts something else.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as nn from '../../src/node/index.js';
import { CUSTOMERS, randomCustomerRows } from '../../src/interop/onnx/raw-rows.fixture.js';

tf.env().set('PROD', true);

async function tfjsModel(exported: nn.ExportedModel): Promise<tfl.LayersModel> {
  await tf.setBackend('cpu');
  const json = JSON.parse(new TextDecoder().decode(exported.files.get('model.json')!));
  const shard = exported.files.get(json.weightsManifest[0].paths[0])!;
  return tfl.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest[0].weights,
    weightData: shard.buffer.slice(shard.byteOffset, shard.byteOffset + shard.byteLength),
  }));
}

describe('exportModel(classifier, "tfjs" | "keras")', () => {
  let text: string;
  let ensemble: nn.Classifier;
  let calibrated: nn.Classifier;
  before(async () => {
    text = await readFile(CUSTOMERS, 'utf8');
    const table = () => nn.data.parseCsv(text, { target: 'churned' });
    ensemble = await nn.trainClassifier(table(), { epochs: 8, hidden: [8], seed: 2, ensemble: 3 });
    calibrated = await nn.trainClassifier(table(), { epochs: 8, hidden: [8], seed: 2, ensemble: 3, calibrate: 'isotonic' });
  });

  test('a 3-member ensemble predicts its probabilities and classes in TensorFlow.js 4.22', async (t) => {
    const x = ensemble.transform(randomCustomerRows(text, 200, 21), { extraColumns: 'ignore' }).x;
    const ours = ensemble.probabilitiesOf(x).data;
    const loaded = await tfjsModel(await nn.exportModel(ensemble, 'tfjs'));
    const theirs = (loaded.predict(tf.tensor2d(x.data, [x.rows, x.cols])) as tf.Tensor).dataSync() as Float32Array;
    assert.equal(theirs.length, ours.length);
    const worst = Math.max(...Array.from(ours, (p, i) => Math.abs(p - theirs[i])));
    t.diagnostic(`max |nnkit − TF.js| = ${worst.toExponential(2)}`);
    assert.ok(worst <= 1e-5, `probabilities differ by ${worst}`);
    const threshold = ensemble.threshold;
    assert.deepEqual(Array.from(theirs, (p) => p > threshold), Array.from(ours, (p) => p > threshold), 'classes at the stored threshold');
  });

  test('a 3-member ensemble comes back from .keras predicting identically', async () => {
    const exported = await nn.exportModel(ensemble, 'keras');
    const back = await nn.importModel([...exported.files.values()][0]);
    const x = ensemble.transform(randomCustomerRows(text, 50, 22), { extraColumns: 'ignore' }).x;
    assert.deepEqual(Array.from(back.predict(x).data), Array.from(ensemble.probabilitiesOf(x).data));
  });

  for (const format of ['tfjs', 'keras'] as const) {
    test(`a calibrated pipeline is refused by ${format}, naming ONNX`, async () => {
      await assert.rejects(nn.exportModel(calibrated, format), (error: Error) => {
        assert.equal((error as nn.ConfigError).code, 'config/export-pipeline');
        assert.match(error.message, /The classifier of "churned" is calibrated \(isotonic \(\d+ points\)\).* Export it as ONNX \(nnkit export --format onnx/);
        assert.match(error.message, /the average of its 3 members, the calibration and the threshold/);
        return true;
      });
    });
  }

  test('ONNX takes the calibrated pipeline whole', async () => {
    const exported = await nn.exportModel(calibrated, 'onnx');
    assert.deepEqual([...exported.files.keys()], ['model.onnx']);
  });
});
