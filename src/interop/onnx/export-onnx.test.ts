import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { activationNames } from '../../activations/activations.js';
import { ConfigError } from '../../errors.js';
import { layers } from '../../layers/registry.js';
import { input } from '../../layers/input-layer.js';
import { Layer } from '../../layers/base-layer.js';
import { model as functional } from '../../model/functional.js';
import type { Model } from '../../model/model.js';
import { sequential } from '../../model/sequential.js';
import { Random } from '../../random/random.js';
import { Tensor } from '../../tensor/tensor.js';
import { exportOnnx, float32Below } from './export-onnx.js';

// nnkit → ONNX → ONNX Runtime (onnxruntime-node, CPU): every layer and activation the exporter
// writes, in sequential and functional models, gives what model.predict gives.
const ROWS = 64;
const random = new Random(11);

function randomRows(rows: number, cols: number): Float32Array {
  return Float32Array.from({ length: rows * cols }, () => random.normal() * 2);
}

/** Randomizes BatchNormalization's statistics, so inference is not the identity. */
function randomizeBatchNorm(m: Model): void {
  for (const layer of m.layers) {
    for (const w of layer.weights) {
      if (/gamma|beta|moving_mean/.test(w.name)) w.value.set(w.value.map(() => random.normal() * 0.5 + (w.name.endsWith('gamma') ? 1 : 0)));
      if (w.name.endsWith('moving_variance')) w.value.set(w.value.map(() => random.uniform() + 0.2));
    }
  }
}

/** Largest |ONNX Runtime − model.predict| over random rows. */
async function maxDifference(m: Model, features: number): Promise<number> {
  const x = randomRows(ROWS, features);
  const expected = m.predict(new Tensor(x, [ROWS, features]), { verbose: 0 }).data;
  const session = await ort.InferenceSession.create(exportOnnx(m));
  const result = await session.run({ input: new ort.Tensor('float32', x, [ROWS, features]) });
  const actual = result.output.data as Float32Array;
  assert.equal(actual.length, expected.length);
  let max = 0;
  for (let i = 0; i < actual.length; i++) max = Math.max(max, Math.abs(actual[i] - expected[i]));
  return max;
}

describe('exportOnnx of a model, run by ONNX Runtime', () => {
  for (const activation of activationNames) {
    test(`Dense with ${activation}, then BatchNormalization and Dropout, equals predict`, async (t) => {
      const m = sequential([
        layers.dense({ units: 12, activation, inputShape: [7] }),
        layers.batchNormalization({ epsilon: 0.01 }),
        layers.dropout({ rate: 0.3 }),
        layers.dense({ units: 5, activation: 'linear', useBias: false }),
        layers.activation({ activation }),
        layers.dense({ units: 1, activation: 'sigmoid' }),
      ]);
      randomizeBatchNorm(m);
      const difference = await maxDifference(m, 7);
      t.diagnostic(`max |ONNX Runtime − predict| = ${difference}`);
      assert.ok(difference < 1e-5, `max difference ${difference}`);
    });
  }

  test('a functional multi-class model with Add (two and three inputs) and Concatenate equals predict', async (t) => {
    const x = input({ shape: [6] });
    const a = layers.dense({ units: 8, activation: 'relu' }).apply(x);
    const b = layers.dense({ units: 8, activation: 'tanh' }).apply(x);
    const c = layers.dense({ units: 8, activation: 'gelu' }).apply(x);
    const sum2 = layers.add().apply([a, b]);
    const sum3 = layers.add().apply([a, b, c]);
    const joined = layers.concatenate().apply([sum2, layers.batchNormalization().apply(sum3), x]);
    const out = layers.dense({ units: 4, activation: 'softmax' }).apply(layers.dropout({ rate: 0.5 }).apply(joined));
    const m = functional({ inputs: x, outputs: out });
    randomizeBatchNorm(m);
    const difference = await maxDifference(m, 6);
    t.diagnostic(`max |ONNX Runtime − predict| = ${difference}`);
    assert.ok(difference < 1e-5, `max difference ${difference}`);
  });

  test('the batch dimension is named and dynamic: one row and 1000 rows run', async () => {
    const m = sequential([layers.dense({ units: 3, activation: 'softmax', inputShape: [2] })]);
    const session = await ort.InferenceSession.create(exportOnnx(m));
    for (const rows of [1, 1000]) {
      const result = await session.run({ input: new ort.Tensor('float32', randomRows(rows, 2), [rows, 2]) });
      assert.deepEqual(result.output.dims, [rows, 3]);
    }
  });

  test('a layer ONNX export does not know is an error naming it', () => {
    class Doubler extends Layer {
      readonly className = 'Doubler';
      computeShape(shape: (number | null)[]) { return shape; }
      forward(x: Tensor) { return x; }
      backward(dy: Tensor) { return dy; }
      getConfig() { return { className: this.className, config: { name: this.name } }; }
    }
    const m = sequential([layers.dense({ units: 3, inputShape: [2] }), new Doubler({ name: 'doubler' }, 'doubler')]);
    assert.throws(() => exportOnnx(m), (error: unknown) => error instanceof ConfigError && /"doubler" of class Doubler/.test(error.message));
  });

  test('something else than a model or classifier is an error', () => {
    assert.throws(() => exportOnnx({} as Model), ConfigError);
  });
});

test('float32Below gives the float32 at or just below the threshold, so p > t decides as nnkit', () => {
  const above = (f: number) => {
    const bits = new Float32Array([f]);
    const view = new Int32Array(bits.buffer);
    view[0] += f >= 0 ? 1 : -1;
    return bits[0];
  };
  for (const t of [0.5, 0.1, 0.3, 1 / 3, 0.9999999999, 1e-46, -0.1, -1 / 3]) {
    const f = float32Below(t);
    assert.equal(Math.fround(f), f, `float32 for ${t}`);
    assert.ok(f <= t && (f === t || above(f) > t), `float32Below(${t}) = ${f}`);
  }
  assert.equal(float32Below(-1e-46), -1.401298464324817e-45);
});
