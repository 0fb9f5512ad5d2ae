import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import type { Classifier } from '../../classifier/classifier.js';
import { trainClassifier } from '../../classifier/train-classifier.js';
import { parseCsv } from '../../data/parse-csv.js';
import { MissingValues, parseBoolean, parseNumber } from '../../data/parse-value.js';
import { rawColumnsFromRows, type RawColumns } from '../../data/table.js';
import { exportOnnx } from './export-onnx.js';

// A calibrated classifier and a bagged ensemble export as one graph: ONNX Runtime, fed the raw
// rows, gives the probabilities and labels that predict gives.
const TRAIN = 'test/fixtures/cli/customers.csv';

function rawRows(text: string): RawColumns {
  const [header, ...lines] = text.trimEnd().split('\n');
  return rawColumnsFromRows(header.split(','), lines.map((line) => line.split(',')));
}

function onnxInputs(clf: Classifier, raw: RawColumns): Record<string, ort.Tensor> {
  const missing = new MissingValues(clf.preprocessor.config.missingValues);
  const feeds: Record<string, ort.Tensor> = {};
  for (const column of clf.preprocessor.config.columns) {
    const cells = raw.columns[raw.names.indexOf(column.name)];
    if (column.kind === 'categorical') feeds[column.name] = new ort.Tensor('string', [...cells], [raw.rows, 1]);
    else {
      const parse = column.kind === 'numeric' ? parseNumber : parseBoolean;
      feeds[column.name] = new ort.Tensor('float32', Float32Array.from(cells, (cell) => (missing.has(cell) ? NaN : parse(cell))), [raw.rows, 1]);
    }
  }
  return feeds;
}

async function assertOnnxEqualsPredict(clf: Classifier, raw: RawColumns, tolerance = 1e-6): Promise<void> {
  const expected = clf.predictBatch(raw, { extraColumns: 'ignore', verbose: 0 });
  const session = await ort.InferenceSession.create(exportOnnx(clf));
  const result = await session.run(onnxInputs(clf, raw));
  const probabilities = result.probabilities.data as Float32Array;
  assert.deepEqual(result.probabilities.dims, expected.probabilities.shape);
  let max = 0;
  for (let i = 0; i < probabilities.length; i++) max = Math.max(max, Math.abs(probabilities[i] - expected.probabilities.data[i]));
  assert.ok(max < tolerance, `max |ONNX − nnkit| = ${max}`);
  assert.deepEqual(result.label.data, Array.from(expected.classIndices, (k) => clf.classNames[k]));
}

describe('exportOnnx of calibrated classifiers and ensembles', () => {
  let text: string;
  before(async () => {
    text = await readFile(TRAIN, 'utf8');
  });

  for (const calibrate of ['temperature', 'sigmoid', 'isotonic'] as const) {
    test(`binary, calibrate ${calibrate}: the calibration is in the graph`, async () => {
      const clf = await trainClassifier(parseCsv(text, { target: 'churned' }), { epochs: 8, hidden: [8], seed: 3, calibrate });
      assert.equal(clf.pipeline.calibration?.map.method, calibrate);
      // NOTE: the network's float32 outputs differ from ONNX Runtime's by ~1e-7 (summation order);
      // an isotonic map's steep segments multiply that, so its bound is the pipeline test's 1e-5.
      await assertOnnxEqualsPredict(clf, rawRows(text), calibrate === 'isotonic' ? 1e-5 : 1e-6);
    });
  }

  test('multi-class temperature scaling and a 3-member ensemble', async () => {
    const clf = await trainClassifier(parseCsv(text, { target: 'region' }), { epochs: 6, hidden: [8], seed: 4, ensemble: 3, calibrate: 'temperature' });
    assert.equal(clf.pipeline.ensemble?.members, 3);
    await assertOnnxEqualsPredict(clf, rawRows(text));
  });
});
