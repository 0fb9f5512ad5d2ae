// TensorFlow.js 4.22 as a benchmark peer (tfjs-layers on the cpu or wasm backend), called as its
// documentation shows: tf.sequential, compile, fit, predict. The wasm backend loads its SIMD
// binary from node_modules (no network); in Node it runs single-threaded.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Dataset } from '../dataset.js';
import { stopwatch, type Peer } from '../measure.js';
import { FEATURES, LEARNING_RATE, MODELS, PREDICT_BATCH, type ModelName } from '../workload.js';

export type TfjsBackend = 'cpu' | 'wasm';

function buildModel(name: ModelName): tfl.Sequential {
  const model = tfl.sequential();
  MODELS[name].forEach((units, index) => model.add(tfl.layers.dense(
    index === 0
      ? { units, activation: 'relu', inputShape: [FEATURES] }
      : { units, activation: 'relu' },
  )));
  model.add(tfl.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'binaryCrossentropy' });
  return model;
}

/** Rows [0, rows) of a (n, cols) tensor: the tensor itself when that is all of it. */
function firstRows(t: tf.Tensor2D, rows: number): tf.Tensor2D {
  return rows === t.shape[0] ? t : tf.slice(t, [0, 0], [rows, t.shape[1]]);
}

export async function tfjsPeer(backend: TfjsBackend, data: Dataset): Promise<Peer> {
  if (backend === 'wasm') {
    // NOTE: a file path prefix (with its trailing slash): in Node the Emscripten loader reads
    // the .wasm with fs from there instead of fetching it.
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
  }
  if (!(await tf.setBackend(backend))) {
    throw new Error(`TensorFlow.js could not start its ${backend} backend.`);
  }
  await tf.ready();
  const x = tf.tensor2d(data.x, [data.rows, FEATURES]);
  const y = tf.tensor2d(data.y, [data.rows, 1]);
  return {
    version: `TensorFlow.js ${tf.version_core} (${tf.getBackend()} backend)`,
    trainer(name, batch) {
      const model = buildModel(name);
      return async (rows) => {
        const xs = firstRows(x, rows);
        const ys = firstRows(y, rows);
        const elapsed = stopwatch();
        const options = { epochs: 1, batchSize: batch, shuffle: false, verbose: 0 };
        const history = await model.fit(xs, ys, options);
        const time = elapsed();
        if (xs !== x) tf.dispose([xs, ys]);
        return { ...time, loss: Number(history.history.loss[0]) };
      };
    },
    predictor(name) {
      const model = buildModel(name);
      return async (rows) => {
        const xs = firstRows(x, rows);
        const elapsed = stopwatch();
        const out = model.predict(xs, { batchSize: PREDICT_BATCH }) as tf.Tensor;
        const values = await out.data();
        const time = elapsed();
        tf.dispose(xs === x ? [out] : [out, xs]);
        if (values.length !== rows) {
          throw new Error(`TensorFlow.js predicted ${values.length} values for ${rows} rows.`);
        }
        return time;
      };
    },
  };
}
