// Every real Keras / tf.keras / TF.js model of ../shared/interop imports and predicts what an
// independent float64 forward pass over the same file's weights gives: within 1e-5 on
// probabilities (1e-4 for the abalone regression, whose output is around 10), with the same
// argmax (several outputs) or 0.5 decision (one sigmoid output).
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import * as nn from '../../src/index.js';
import { expectedOutputs, fixtureFiles, LOCAL_INTEROP, sharedInteropMissing, type ExpectedFixture } from './shared-interop.js';

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
});

describe('importModel on the licensed copies in test/fixtures/interop', () => {
  for (const [key, expected] of Object.entries(expectedOutputs(LOCAL_INTEROP))) {
    test(`${key} imports and matches the float64 reference`, (t) => checkFixture(t, key, expected, LOCAL_INTEROP));
  }
});
