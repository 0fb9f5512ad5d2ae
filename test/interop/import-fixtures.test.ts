// Every real Keras / tf.keras / TF.js model of ../shared/interop imports and predicts what an
// independent float64 forward pass over the same file's weights gives: within 1e-5 on
// probabilities (1e-4 for the abalone regression, whose output is around 10), with the same
// argmax (several outputs) or 0.5 decision (one sigmoid output). Where the folder records what
// Keras itself, TF.js 4.22 or ONNX Runtime (on the ONNX twin) predicted, that is matched too.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import * as nn from '../../src/index.js';
import { expectedOutputs, fixtureFiles, LOCAL_INTEROP, SHARED_INTEROP, sharedInteropMissing, type ExpectedFixture } from './shared-interop.js';

const missing = sharedInteropMissing();

async function checkFixture(t: TestContext, key: string, expected: ExpectedFixture, root?: string): Promise<void> {
  const model = await nn.importModel(fixtureFiles(key, root));
  const out = model.predict(nn.tensor(expected.inputs));
  const tolerance = key.includes('abalone') ? 1e-4 : 1e-5;
  let worst = 0;
  expected.reference_float64.forEach((row, i) => {
    const ours = Array.from(out.data.subarray(i * row.length, (i + 1) * row.length));
    assert.equal(out.cols, row.length);
    row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - ours[j]))));
    if (row.length > 1) assert.equal(nn.argmax([ours])[0], nn.argmax([row])[0], `row ${i}: argmax`);
    else if (!key.includes('abalone')) assert.equal(ours[0] > 0.5, row[0] > 0.5, `row ${i}: 0.5 decision`);
  });
  t.diagnostic(`max |nnkit - reference| = ${worst.toExponential(2)}`);
  assert.ok(worst <= tolerance, `outputs differ by ${worst} (> ${tolerance})`);
  for (const [who, rows] of recordedOutputs(expected)) {
    const recorded = rows.flat();
    const gap = Math.max(...recorded.map((v, i) => Math.abs(v - out.data[i])));
    t.diagnostic(`max |nnkit - ${who}| = ${gap.toExponential(2)}`);
    assert.ok(gap <= tolerance, `outputs differ from ${who}'s by ${gap}`);
  }
}

/** The predictions the folder recorded from Keras, TF.js 4.22 or ONNX Runtime, by who made them. */
function recordedOutputs(expected: ExpectedFixture): [string, number[][]][] {
  const e = expected as ExpectedFixture & {
    keras_recorded?: { predictions: number[][] };
    tfjs_4_22?: { outputs?: number[][] };
    onnxruntime?: { outputs: number[][] };
  };
  const found: [string, number[][] | undefined][] = [
    ['Keras', e.keras_recorded?.predictions],
    ['TF.js 4.22', e.tfjs_4_22?.outputs],
    ['ONNX Runtime on the ONNX twin', e.onnxruntime?.outputs],
  ];
  return found.filter((f): f is [string, number[][]] => f[1] !== undefined);
}

describe('importModel on the real files of ../shared/interop', { skip: missing }, () => {
  for (const [key, expected] of Object.entries(missing ? {} : expectedOutputs())) {
    test(`${key} imports and matches the float64 reference`, (t) => checkFixture(t, key, expected));
  }

  test('the h5 and TF.js twins of the stroke model predict the same', async () => {
    const key = 'h5_and_tfjs/stroke_keras3_8/model.h5';
    const rows = nn.tensor(expectedOutputs()[key].inputs);
    const h5 = await nn.importModel(fixtureFiles(key));
    const tfjs = await nn.importModel(fixtureFiles('h5_and_tfjs/stroke_keras3_8/tfjs_model/model.json'));
    assert.deepEqual(Array.from(tfjs.predict(rows).data), Array.from(h5.predict(rows).data));
  });

  test("tensorflow/tfjs#8328's hand-fixed working-model.json predicts as the converter's model.json", async () => {
    const key = 'tfjs/keras3_converted_issue8328/model.json';
    const expected = expectedOutputs()[key] as ExpectedFixture & { tfjs_4_22_working_model_json: { outputs: number[][] } };
    const files = fixtureFiles(key);
    files.set('working-model.json', readFileSync(join(SHARED_INTEROP, 'tfjs/keras3_converted_issue8328/working-model.json')));
    files.delete('model.json');
    const fixed = await nn.importModel(files);
    const original = await nn.importModel(fixtureFiles(key));
    const rows = nn.tensor(expected.inputs);
    assert.deepEqual(Array.from(fixed.predict(rows).data), Array.from(original.predict(rows).data));
    const tfjs = expected.tfjs_4_22_working_model_json.outputs.flat();
    assert.ok(tfjs.every((v, i) => Math.abs(v - fixed.predict(rows).data[i]) <= 1e-5), 'as TF.js 4.22 predicts with it');
  });
});

describe('importModel on the licensed copies in test/fixtures/interop', () => {
  for (const [key, expected] of Object.entries(expectedOutputs(LOCAL_INTEROP))) {
    test(`${key} imports and matches the float64 reference`, (t) => checkFixture(t, key, expected, LOCAL_INTEROP));
  }
});
