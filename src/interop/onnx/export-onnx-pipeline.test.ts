import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { Classifier } from '../../classifier/classifier.js';
import { trainClassifier } from '../../classifier/train-classifier.js';
import { parseCsv } from '../../data/parse-csv.js';
import type { RawColumns } from '../../data/table.js';
import { layers } from '../../layers/registry.js';
import { losses } from '../../losses/get-loss.js';
import { sequential } from '../../model/sequential.js';
import { exportOnnx } from './export-onnx.js';
import { CUSTOMERS, onnxFeeds, randomCustomerRows } from './raw-rows.fixture.js';

// The whole classifier pipeline in ONNX: raw columns in, the saved preprocessing (imputation with
// indicators, standardization, one-hot with <other> / <missing>, booleans) in the graph,
// probabilities and labels out. Fed the same raw rows, ONNX Runtime equals the classifier.

async function compare(clf: Classifier, raw: RawColumns): Promise<number> {
  const expected = clf.predictBatch(raw, { extraColumns: 'ignore', verbose: 0 });
  const session = await ort.InferenceSession.create(exportOnnx(clf));
  const feeds = Object.fromEntries(Object.entries(onnxFeeds(clf, raw)).map(([name, f]) => [name, new ort.Tensor(f.type, f.data, f.dims)]));
  const result = await session.run(feeds);
  const probabilities = result.probabilities.data as Float32Array;
  assert.deepEqual(result.probabilities.dims, expected.probabilities.shape);
  let max = 0;
  for (let i = 0; i < probabilities.length; i++) max = Math.max(max, Math.abs(probabilities[i] - expected.probabilities.data[i]));
  assert.ok(max < 1e-5, `max |ONNX − nnkit| = ${max}`);
  assert.deepEqual(result.label.data, Array.from(expected.classIndices, (k) => clf.classNames[k]));
  return max;
}

describe('exportOnnx of a classifier, run by ONNX Runtime on raw rows', () => {
  let text: string;
  before(async () => {
    text = await readFile(CUSTOMERS, 'utf8');
  });

  test('binary (churned): probabilities and labels with the tuned threshold equal predict', async (t) => {
    const clf = await trainClassifier(parseCsv(text, { target: 'churned' }), { epochs: 6, hidden: [8, 4], seed: 3, verbose: 0 });
    assert.equal(clf.task, 'binary', 'task');
    assert.notEqual(clf.threshold, 0.5, 'a tuned threshold');
    const raw = randomCustomerRows(text, 400, 5);
    t.diagnostic(`max |ONNX Runtime − predict| = ${await compare(clf, raw)}`);
    const warnings = clf.predictBatch(raw, { extraColumns: 'ignore', verbose: 0 }).warnings;
    assert.ok(warnings.some((w) => w.kind === 'unseen-category'), 'the rows hold unseen categories');
  });

  test('multi-class (region) with rare categories in <other> and missing categories equals predict', async (t) => {
    const table = parseCsv(text, { target: 'region' });
    const clf = await trainClassifier(table, { epochs: 6, hidden: [8], seed: 4, minFrequency: 40, verbose: 0 });
    assert.equal(clf.task, 'multiclass', 'task');
    const plan = clf.preprocessor.config.columns.find((c) => c.name === 'plan');
    assert.ok(plan?.kind === 'categorical' && plan.other && plan.missingSlot, 'plan has <other> and <missing>');
    t.diagnostic(`max |ONNX Runtime − predict| = ${await compare(clf, randomCustomerRows(text, 400, 6))}`);
  });

  test('a model compiled on logits gives probabilities through sigmoid, as predictProbabilities', async () => {
    const trained = await trainClassifier(parseCsv(text, { target: 'churned' }), { epochs: 2, hidden: [4], seed: 8, verbose: 0 });
    const model = sequential([layers.dense({ units: 1, inputShape: [trained.preprocessor.numFeatures] })]);
    model.compile({ optimizer: 'adam', loss: losses.binaryCrossentropy({ fromLogits: true }) });
    model.threshold = 0.4;
    const clf = new Classifier({ model, pipeline: trained.pipeline });
    assert.equal(model.loss?.fromLogits, true, 'compiled on logits');
    await compare(clf, randomCustomerRows(text, 200, 7));
  });
});
