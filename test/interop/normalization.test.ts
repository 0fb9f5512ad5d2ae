// Keras' Normalization layer across the formats. No real Keras file with one exists in
// ../shared/interop, so the Keras 3 .keras and the converter's model.json are written here by hand
// in the layout Keras 3.5–3.10 and the TF.js converter 4.22 write (the layout of the real files of
// ../shared/interop for the other layers; Normalization's variables mean, variance and an int64
// count as in keras/src/layers/preprocessing/normalization.py), with HDF5 written by h5wasm
// directly, not by nnkit's exporter. References are Keras' formula in float64.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import h5wasm from 'h5wasm/node';
import * as hdf5 from 'jsfive';
import * as ort from 'onnxruntime-node';
import * as nn from '../../src/node/index.js';
import { randomRows } from './models-to-export.js';

const MEAN = [0.5, -20, 3.25];
const VARIANCE = [4, 900, 0]; // the last: a constant column, std floored at 1e-7
const KERNEL = [[0.5, -1], [2, 0.25], [-0.75, 1.5]]; // (3, 2)
const BIAS = [0.1, -0.2];
const DTYPE = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
const ROWS = [[1, -20, 3.25], [0.5, 10, 3.2500001], [-3, -50, 2], [12, 0, 3.25]];

/** softmax(((x − mean) / max(√var, 1e-7)) · W + b) in float64, from float32 statistics. */
function reference(rows: number[][]): number[] {
  return rows.flatMap((row) => {
    const h = row.map((v, j) => (Math.fround(v) - Math.fround(MEAN[j])) / Math.max(Math.sqrt(Math.fround(VARIANCE[j])), Math.fround(1e-7)));
    const z = BIAS.map((b, k) => h.reduce((s, v, j) => s + v * Math.fround(KERNEL[j][k]), Math.fround(b)));
    const e = z.map((v) => Math.exp(v - Math.max(...z)));
    return e.map((v) => v / e.reduce((a, b) => a + b, 0));
  });
}

function assertMatches(model: nn.Model, rows: number[][]): void {
  const predicted = model.predict(nn.tensor(rows)).data;
  const expected = reference(rows);
  expected.forEach((p, i) => assert.ok(Math.abs(predicted[i] - p) <= 1e-5, `output ${i}: ${predicted[i]} vs ${p}`));
}

const normalizationConfig = { name: 'normalization', trainable: true, dtype: DTYPE, axis: [-1], invert: false, mean: null, variance: null };
const denseConfig = {
  name: 'dense', trainable: true, dtype: DTYPE, units: 2, activation: 'softmax', use_bias: true,
  kernel_initializer: { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null },
  bias_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
  kernel_regularizer: null, bias_regularizer: null, kernel_constraint: null, bias_constraint: null,
};

/** A Keras 3 .keras of Sequential([Input(3), Normalization() adapted, Dense(2, softmax)]). */
async function handWrittenKeras(): Promise<Uint8Array> {
  await h5wasm.ready;
  const path = join(tmpdir(), `nnkit-norm-${randomBytes(6).toString('hex')}.h5`);
  const file = new h5wasm.File(path, 'w');
  for (const g of ['layers', 'layers/normalization', 'layers/normalization/vars', 'layers/dense', 'layers/dense/vars', 'vars']) file.create_group(g);
  const group = (p: string) => file.get(p) as InstanceType<typeof h5wasm.Group>;
  group('layers/normalization/vars').create_dataset({ name: '0', data: Float32Array.from(MEAN), shape: [3], dtype: '<f4' });
  group('layers/normalization/vars').create_dataset({ name: '1', data: Float32Array.from(VARIANCE), shape: [3], dtype: '<f4' });
  group('layers/normalization/vars').create_dataset({ name: '2', data: new BigInt64Array([1000n]), shape: [], dtype: '<q' });
  group('layers/dense/vars').create_dataset({ name: '0', data: Float32Array.from(KERNEL.flat()), shape: [3, 2], dtype: '<f4' });
  group('layers/dense/vars').create_dataset({ name: '1', data: Float32Array.from(BIAS), shape: [2], dtype: '<f4' });
  file.close();
  const weights = readFileSync(path);
  rmSync(path);
  const layer = (className: string, config: object) => ({ module: 'keras.layers', class_name: className, config, registered_name: null, build_config: { input_shape: [null, 3] } });
  const config = {
    module: 'keras', class_name: 'Sequential', registered_name: null, build_config: { input_shape: [null, 3] },
    config: {
      name: 'sequential', trainable: true, dtype: DTYPE, build_input_shape: [null, 3],
      layers: [
        { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 3], dtype: 'float32', sparse: false, name: 'input_layer' }, registered_name: null },
        layer('Normalization', normalizationConfig),
        layer('Dense', denseConfig),
      ],
    },
  };
  const text = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  return zipSync({ 'metadata.json': text({ keras_version: '3.8.0', date_saved: '2026-12-03@08:00:00' }), 'config.json': text(config), 'model.weights.h5': new Uint8Array(weights) }, { level: 0 });
}

/** The TF.js converter's model.json of the same Keras 3 model: count as int32. */
function handWrittenConverted(): Map<string, Uint8Array> {
  const weights = [
    { name: 'sequential/normalization/mean', shape: [3], dtype: 'float32', values: MEAN },
    { name: 'sequential/normalization/variance', shape: [3], dtype: 'float32', values: VARIANCE },
    { name: 'sequential/normalization/count', shape: [], dtype: 'int32', values: [1000] },
    { name: 'sequential/dense/kernel', shape: [3, 2], dtype: 'float32', values: KERNEL.flat() },
    { name: 'sequential/dense/bias', shape: [2], dtype: 'float32', values: BIAS },
  ];
  const bytes = new Uint8Array(weights.reduce((s, w) => s + w.values.length * 4, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const w of weights) {
    for (const v of w.values) (w.dtype === 'int32' ? view.setInt32(at, v, true) : view.setFloat32(at, v, true), (at += 4));
  }
  const json = {
    format: 'layers-model', generatedBy: 'keras v3.8.0', convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: {
      keras_version: '3.8.0', backend: 'tensorflow',
      model_config: {
        class_name: 'Sequential',
        config: {
          name: 'sequential', trainable: true, dtype: DTYPE,
          layers: [
            { class_name: 'InputLayer', config: { batch_shape: [null, 3], dtype: 'float32', sparse: false, name: 'input_layer' } },
            { class_name: 'Normalization', config: normalizationConfig },
            { class_name: 'Dense', config: denseConfig },
          ],
        },
      },
    },
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }],
  };
  return new Map([['model.json', new TextEncoder().encode(JSON.stringify(json))], ['group1-shard1of1.bin', bytes]]);
}

describe('Keras Normalization in and out of nnkit', () => {
  test('a Keras 3 .keras with an adapted Normalization (mean, variance, int64 count) imports and matches', async () => {
    const model = await nn.importModel(await handWrittenKeras());
    assert.match(model.summary({ printFn: () => {} }), /normalization \(Normalization\)\s+│ \(None, 3\)\s+│\s+7 │/);
    assertMatches(model, ROWS);
  });

  test("the converter's model.json of it (count as int32) imports and matches", async () => {
    assertMatches(await nn.importModel(handWrittenConverted()), ROWS);
  });

  test('axis=None (one statistic for every value) is refused, naming the layer', async () => {
    const files = handWrittenConverted();
    files.set('model.json', new TextEncoder().encode(new TextDecoder().decode(files.get('model.json')!).replace('"axis":[-1]', '"axis":[]')));
    await assert.rejects(nn.importModel(files), /layers\[1\] \(Normalization "normalization"\): Normalization over axis \[\] is not supported/);
  });

  for (const [mode, make] of [
    ['adapted statistics', () => nn.layers.normalization()],
    ['given statistics', () => nn.layers.normalization({ mean: MEAN, variance: VARIANCE })],
    ['given statistics, inverted', () => nn.layers.normalization({ mean: 2, variance: 0.3, invert: true })],
  ] as const) {
    test(`an nnkit Normalization with ${mode} goes to .keras and back bit-identically`, async () => {
      const model = nn.sequential([make(), nn.layers.dense({ units: 2, activation: 'softmax' })]);
      model.build([3]);
      const norm = model.layers[0] as nn.Normalization;
      if (norm.mean) {
        norm.mean.value.set(MEAN);
        norm.variance!.value.set(VARIANCE);
        norm.count!.value.set([1000]);
      }
      const exported = [...(await nn.exportModel(model, 'keras')).files.values()][0];
      const entries = unzipSync(exported);
      const layer = JSON.parse(new TextDecoder().decode(entries['config.json'])).config.layers[1];
      assert.equal(layer.class_name, 'Normalization');
      assert.deepEqual(layer.config.axis, [-1]);
      const h5 = new hdf5.File(entries['model.weights.h5'].slice().buffer as ArrayBuffer, 'model.weights.h5');
      if (mode === 'adapted statistics') {
        assert.equal(layer.config.mean, null);
        const count = h5.get('layers/normalization/vars/2') as hdf5.Dataset;
        assert.equal(count.dtype, '<i8', 'count is an int64 scalar, as Keras writes it');
        assert.deepEqual([count.shape, count.value], [[], [1000]]);
      } else {
        assert.equal((h5.get('layers') as hdf5.Group).keys.includes('normalization'), true);
        assert.deepEqual((h5.get('layers/normalization/vars') as hdf5.Group).keys, [], 'given statistics live in the config');
      }
      const back = await nn.importModel(exported);
      const rows = nn.tensor(randomRows(16, 3, 4));
      assert.deepEqual(Array.from(back.predict(rows).data), Array.from(model.predict(rows).data));
      assert.deepEqual(back.layers[0].getConfig(), model.layers[0].getConfig());
    });
  }

  test('TF.js export is refused with the layer named: tfjs-layers has no Normalization', async () => {
    const model = nn.sequential([nn.layers.normalization({ name: 'scale_inputs', mean: 1, variance: 2 }), nn.layers.dense({ units: 1 })]);
    model.build([3]);
    await assert.rejects(nn.exportModel(model, 'tfjs'), /layers\[1\] \(Normalization "scale_inputs"\): TensorFlow\.js has no Normalization layer/);
  });

  for (const invert of [false, true]) {
    test(`ONNX Runtime computes a Normalization (invert ${invert}) model as predict does, within 1e-6`, async () => {
      // NOTE: no zero variance here: its 1e-7 floor would saturate the softmax and hide errors.
      const model = nn.sequential([nn.layers.normalization({ mean: MEAN, variance: [4, 900, 0.5], invert }), nn.layers.dense({ units: 2, activation: 'softmax' })]);
      model.build([3]);
      const x = Float32Array.from(randomRows(64, 3, 8).flat().map((v, i) => v + MEAN[i % 3]));
      const expected = model.predict(new nn.Tensor(x, [64, 3])).data;
      const session = await ort.InferenceSession.create([...(await nn.exportModel(model, 'onnx')).files.values()][0]);
      const actual = (await session.run({ input: new ort.Tensor('float32', x, [64, 3]) })).output.data as Float32Array;
      let max = 0;
      for (let i = 0; i < actual.length; i++) max = Math.max(max, Math.abs(actual[i] - expected[i]));
      assert.ok(max <= 1e-6, `max |ONNX Runtime − predict| = ${max}`);
    });
  }
});

describe('the model doctor and a leading Normalization', () => {
  test('does not call raw features unscaled when the model normalizes them itself', async () => {
    const x = nn.tensor(randomRows(64, 3, 2).map(([a, b, c]) => [a * 1000 + 5000, b * 0.001, c]));
    const y = nn.tensor(randomRows(64, 1, 3).map(([v]) => [v > 0 ? 1 : 0]));
    const codes = async (first: nn.Layer[]) => {
      const model = nn.sequential([...first, nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
      model.build([3]);
      model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
      await model.fit(x, y, { epochs: 1, verbose: 0 });
      return model.diagnostics.map((d) => d.code);
    };
    assert.ok((await codes([])).includes('unscaled-features'), 'without it the doctor warns');
    assert.ok(!(await codes([nn.layers.normalization({ mean: [5000, 0, 0], variance: [1e6, 1e-6, 1] })])).includes('unscaled-features'));
  });
});

/** tf.keras 2's whole-model .h5 of the same model (model_config + model_weights, names `…:0`). */
async function handWrittenTfKerasH5(): Promise<Uint8Array> {
  await h5wasm.ready;
  const path = join(tmpdir(), `nnkit-norm-${randomBytes(6).toString('hex')}.h5`);
  const file = new h5wasm.File(path, 'w');
  const config = {
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        { class_name: 'InputLayer', config: { batch_input_shape: [null, 3], dtype: 'float32', sparse: false, ragged: false, name: 'normalization_input' } },
        { class_name: 'Normalization', config: { name: 'normalization', trainable: true, dtype: 'float32', batch_input_shape: [null, 3], axis: [-1], mean: null, variance: null, invert: false } },
        { class_name: 'Dense', config: { name: 'dense', trainable: true, dtype: 'float32', units: 2, activation: 'softmax', use_bias: true } },
      ],
    },
  };
  file.create_attribute('keras_version', '2.15.0');
  file.create_attribute('backend', 'tensorflow');
  file.create_attribute('model_config', JSON.stringify(config));
  file.create_group('model_weights');
  const root = file.get('model_weights') as InstanceType<typeof h5wasm.Group>;
  root.create_attribute('layer_names', ['normalization', 'dense']);
  const layer = (name: string, weights: [string, unknown, number[], string][]) => {
    file.create_group(`model_weights/${name}`);
    file.create_group(`model_weights/${name}/${name}`);
    (file.get(`model_weights/${name}`) as InstanceType<typeof h5wasm.Group>).create_attribute('weight_names', weights.map(([w]) => `${name}/${w}`));
    const group = file.get(`model_weights/${name}/${name}`) as InstanceType<typeof h5wasm.Group>;
    for (const [w, data, shape, dtype] of weights) group.create_dataset({ name: w, data: data as Float32Array, shape, dtype });
  };
  layer('normalization', [
    ['mean:0', Float32Array.from(MEAN), [3], '<f4'],
    ['variance:0', Float32Array.from(VARIANCE), [3], '<f4'],
    ['count:0', new BigInt64Array([1000n]), [], '<q'],
  ]);
  layer('dense', [['kernel:0', Float32Array.from(KERNEL.flat()), [3, 2], '<f4'], ['bias:0', Float32Array.from(BIAS), [2], '<f4']]);
  file.close();
  const bytes = new Uint8Array(readFileSync(path));
  rmSync(path);
  return bytes;
}

test("tf.keras 2's whole-model .h5 with an adapted Normalization imports and matches", async () => {
  assertMatches(await nn.importModel(await handWrittenTfKerasH5(), { format: 'h5' }), ROWS);
});

test('an imported Normalization saves and loads as nnkit with its statistics, predicting identically', async () => {
  const model = await nn.importModel(await handWrittenKeras());
  const dir = await mkdtemp(join(tmpdir(), 'nnkit-norm-'));
  try {
    await model.save(join(dir, 'm'));
    const loaded = await nn.loadModel(join(dir, 'm'));
    const rows = nn.tensor(ROWS);
    assert.deepEqual(Array.from(loaded.predict(rows).data), Array.from(model.predict(rows).data));
    assert.deepEqual(Array.from((loaded.layers[0] as nn.Normalization).count!.value), [1000]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
