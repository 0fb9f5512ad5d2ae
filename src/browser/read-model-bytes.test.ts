import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { layers } from '../layers/registry.js';
import { filesToBytes } from '../model/model-files.js';
import { loadModel } from '../model/load-model.js';
import { modelToFiles } from '../model/model-to-files.js';
import { sequential } from '../model/sequential.js';
import { readModelBytes } from './read-model-bytes.js';

describe('readModelBytes: the files a user picks, as the bytes loadModel reads', () => {
  const model = sequential([layers.dense({ units: 2, inputShape: [3] })]);
  const files = modelToFiles(model, {});
  const [weightsName, weights] = [...files.blobs][0];
  const json = new File([files.json], 'model.json');
  const bin = new File([weights as Uint8Array<ArrayBuffer>], weightsName);

  test('one .nnkit file, or a folder\'s files in any order with strangers left out, load the same weights', async () => {
    const nnkit = new File([filesToBytes(files) as Uint8Array<ArrayBuffer>], 'churn.nnkit');
    for (const picked of [[nnkit], [bin, new File(['<html>'], 'report.html'), json]]) {
      assert.deepEqual((await loadModel(await readModelBytes(picked))).getWeights(), model.getWeights());
    }
  });

  test('model.json without its weights names the missing file and what was picked', async () => {
    await assert.rejects(readModelBytes([json]), new RegExp(`model\\.json names "${weightsName}", which was not picked \\(got "model\\.json"\\); pick model\\.json and the files beside it together`));
  });

  test('one file that is not a zip, several without model.json, or none: each says what to pick', async () => {
    await assert.rejects(readModelBytes([new File(['hello'], 'm.nnkit')]), /"m\.nnkit" is not a saved nnkit model \(a \.nnkit file is a zip, and this one's 5 bytes are not\)/);
    await assert.rejects(readModelBytes([bin, new File(['x'], 'a.txt')]), /got 2 files \(.*"a\.txt"\) and no model\.json/);
    await assert.rejects(readModelBytes([]), /readModelBytes got no file/);
  });
});
