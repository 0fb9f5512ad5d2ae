// nnkit → Keras 3 .keras → nnkit. No Keras runs here, so the file is checked against the layout
// of the real .keras files (../shared/interop/keras3: the zip's entries, config.json's fields,
// model.weights.h5's groups) and by importing it back: predictions bit-identical.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import * as hdf5 from 'jsfive';
import * as nn from '../../src/node/index.js';
import { functionalModel, randomRows, sequentialModel } from './models-to-export.js';

function h5Paths(bytes: Uint8Array): string[] {
  const file = new hdf5.File(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 'model.weights.h5');
  const paths: string[] = [];
  const walk = (group: hdf5.Group, prefix: string): void => {
    for (const key of group.keys) {
      const child = group.get(key);
      paths.push(`${prefix}${key}`);
      if (child instanceof hdf5.Group) walk(child, `${prefix}${key}/`);
    }
  };
  walk(file, '');
  return paths;
}

describe('exportModel(model, "keras")', () => {
  for (const [name, make, cols] of [['sequential', sequentialModel, 5], ['functional', functionalModel, 4]] as const) {
    test(`a ${name} model comes back from .keras predicting identically`, async () => {
      const model = make();
      const exported = await nn.exportModel(model, 'keras');
      assert.equal(exported.layout, 'file');
      const [[fileName, bytes]] = [...exported.files];
      assert.match(fileName, /\.keras$/);
      const back = await nn.importModel(bytes);
      assert.equal(back.className, model.className);
      const rows = randomRows(8, cols, 5);
      assert.deepEqual(Array.from(back.predict(nn.tensor(rows)).data), Array.from(model.predict(nn.tensor(rows)).data));
    });
  }

  test("Keras 3's own hard_sigmoid and leaky_relu (which TF.js lacks) come back identically", async () => {
    const model = nn.sequential([
      nn.layers.dense({ units: 6, activation: 'hard_sigmoid' }),
      nn.layers.dense({ units: 6, activation: 'leaky_relu' }),
      nn.layers.dense({ units: 3, activation: 'softmax' }),
    ]);
    model.build([4]);
    const back = await nn.importModel([...(await nn.exportModel(model, 'keras')).files.values()][0]);
    const rows = nn.tensor(randomRows(16, 4, 9));
    assert.deepEqual(Array.from(back.predict(rows).data), Array.from(model.predict(rows).data));
    assert.deepEqual(back.layers.map((l) => (l.getConfig().config as { activation?: string }).activation), ['hard_sigmoid', 'leaky_relu', 'softmax']);
  });

  test('the file is laid out as Keras 3 writes it', async () => {
    const exported = await nn.exportModel(sequentialModel(), 'keras');
    const entries = unzipSync([...exported.files.values()][0]);
    assert.deepEqual(Object.keys(entries).sort(), ['config.json', 'metadata.json', 'model.weights.h5']);
    const metadata = JSON.parse(new TextDecoder().decode(entries['metadata.json']));
    assert.match(metadata.keras_version, /^3\./);
    const config = JSON.parse(new TextDecoder().decode(entries['config.json']));
    assert.equal(config.module, 'keras');
    assert.equal(config.class_name, 'Sequential');
    const [input, dense] = config.config.layers;
    assert.deepEqual(input.config.batch_shape, [null, 5]);
    assert.equal(dense.module, 'keras.layers');
    assert.equal(dense.config.dtype.class_name, 'DTypePolicy');
    assert.deepEqual(dense.build_config, { input_shape: [null, 5] });
    const paths = h5Paths(entries['model.weights.h5']);
    for (const p of ['layers/dense/vars/0', 'layers/dense/vars/1', 'layers/dense_8/vars/1', 'layers/batch_normalization/vars/3', 'layers/dropout/vars', 'layers/activation/vars', 'vars']) {
      assert.ok(paths.includes(p), `${p} in model.weights.h5 (has ${paths.join(', ')})`);
    }
  });
});
