import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test, type TestContext } from 'node:test';
import * as ort from 'onnxruntime-node';
import type { Classifier } from '../../classifier/classifier.js';
import { trainClassifier } from '../../classifier/train-classifier.js';
import { parseCsv } from '../../data/parse-csv.js';
import type { RawColumns } from '../../data/table.js';
import { calibrationToOnnx } from './calibration-to-onnx.js';
import { exportOnnx } from './export-onnx.js';
import { OnnxGraph } from './onnx-graph.js';
import { CUSTOMERS, csvRows, onnxFeeds, randomCustomerRows } from './raw-rows.fixture.js';

// A calibrated classifier and a bagged ensemble export as one graph (members' probabilities
// averaged, then the calibration, then the threshold or argmax): ONNX Runtime, fed raw rows with
// unseen categories and missing fields, gives the probabilities and labels predict gives.

async function assertOnnxEqualsPredict(t: TestContext, clf: Classifier, raw: RawColumns, tolerance = 1e-6): Promise<void> {
  const expected = clf.predictBatch(raw, { extraColumns: 'ignore', verbose: 0 });
  const session = await ort.InferenceSession.create(exportOnnx(clf));
  const feeds = Object.fromEntries(Object.entries(onnxFeeds(clf, raw)).map(([name, f]) => [name, new ort.Tensor(f.type, f.data, f.dims)]));
  const result = await session.run(feeds);
  const probabilities = result.probabilities.data as Float32Array;
  assert.deepEqual(result.probabilities.dims, expected.probabilities.shape);
  let max = 0;
  for (let i = 0; i < probabilities.length; i++) max = Math.max(max, Math.abs(probabilities[i] - expected.probabilities.data[i]));
  t.diagnostic(`max |ONNX Runtime − predict| = ${max}`);
  assert.ok(max < tolerance, `max |ONNX − nnkit| = ${max}`);
  assert.deepEqual(result.label.data, Array.from(expected.classIndices, (k) => clf.classNames[k]));
}

/** The calibration moves probabilities by more than the tolerance, so a graph without it would fail. */
function assertCalibrationMatters(clf: Classifier, raw: RawColumns): void {
  const x = clf.transform(raw, { extraColumns: 'ignore' }).x;
  const uncalibrated = clf.model.predictProbabilities(x, { verbose: 0 }).data;
  const calibrated = clf.probabilitiesOf(x).data;
  const moved = Math.max(...Array.from(calibrated, (p, i) => Math.abs(p - uncalibrated[i])));
  assert.ok(moved > 1e-3, `the calibration moves probabilities by ${moved} at most`);
}

describe('exportOnnx of calibrated classifiers and ensembles', () => {
  let text: string;
  before(async () => {
    text = await readFile(CUSTOMERS, 'utf8');
  });

  for (const calibrate of ['temperature', 'sigmoid', 'isotonic'] as const) {
    test(`binary, calibrate ${calibrate}: the calibration is in the graph`, async (t) => {
      const clf = await trainClassifier(parseCsv(text, { target: 'churned' }), { epochs: 8, hidden: [8], seed: 3, calibrate });
      assert.equal(clf.pipeline.calibration?.map.method, calibrate);
      const raw = randomCustomerRows(text, 300, 11);
      assertCalibrationMatters(clf, raw);
      // NOTE: the network's float32 outputs differ from ONNX Runtime's by ~1e-7 (summation order);
      // an isotonic map's steep segments multiply that, so its bound is the pipeline test's 1e-5.
      await assertOnnxEqualsPredict(t, clf, raw, calibrate === 'isotonic' ? 1e-5 : 1e-6);
    });
  }

  test('binary 3-member ensemble, calibrated (sigmoid), with its tuned threshold', async (t) => {
    const clf = await trainClassifier(parseCsv(text, { target: 'churned' }), { epochs: 8, hidden: [8], seed: 6, ensemble: 3, calibrate: 'sigmoid' });
    assert.equal(clf.pipeline.ensemble?.members, 3);
    assert.notEqual(clf.threshold, 0.5, 'a tuned threshold');
    const raw = randomCustomerRows(text, 300, 12);
    assertCalibrationMatters(clf, raw);
    await assertOnnxEqualsPredict(t, clf, raw);
  });

  test('a two-class calibration on a multi-class output is refused, not written', () => {
    assert.throws(() => calibrationToOnnx(new OnnxGraph(), { method: 'sigmoid', a: -1, b: 0 }, 'p', 3), /A sigmoid calibration maps one probability, but this model gives 3/);
  });

  test('multi-class temperature scaling over a 3-member ensemble', async (t) => {
    const clf = await trainClassifier(parseCsv(text, { target: 'region' }), { epochs: 6, hidden: [8], seed: 4, ensemble: 3, calibrate: 'temperature' });
    assert.equal(clf.pipeline.ensemble?.members, 3);
    await assertOnnxEqualsPredict(t, clf, csvRows(text));
    await assertOnnxEqualsPredict(t, clf, randomCustomerRows(text, 300, 13));
  });
});
