import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import * as ort from 'onnxruntime-node';
import { parseCsv } from '../../data/parse-csv.js';
import { MissingValues, parseBoolean, parseNumber } from '../../data/parse-value.js';
import { Preprocessor, type PreprocessorFitOptions } from '../../data/preprocessor.js';
import { rawColumnsFromRows } from '../../data/table.js';
import { missingSpellings } from './missing-spellings.js';
import { FLOAT, OnnxGraph } from './onnx-graph.js';
import { BATCH, preprocessorToOnnx } from './preprocessor-to-onnx.js';

// The preprocessing alone in ONNX Runtime: the feature matrix equals Preprocessor.transformRaw's
// bit for bit, under each category policy (with and without <other>, <missing> or a fill).
const TRAIN = 'test/fixtures/cli/customers.csv';

const ROWS = [
  ['38', 'NA', 'basic', 'north', 'yes', '0'],
  ['', '51.72', '?', 'south', 'no', '1'],
  ['nan', '-8.2', 'pro', 'mars', '', 'Null'],
  ['120.5', '0', 'enterprise', '', 'True', '3'],
  ['NaN', 'null', 'NA', 'na', 'NO', '2'],
  ['41', '55.5', 'plus', 'NULL', '1', '1e1'],
];
const NAMES = ['age', 'monthly_spend', 'plan', 'region', 'autopay', 'support_calls'];

async function features(pre: Preprocessor): Promise<{ onnx: Float32Array; nnkit: Float32Array }> {
  const graph = new OnnxGraph();
  graph.output(preprocessorToOnnx(graph, pre.config), 'features', FLOAT, [BATCH, pre.numFeatures]);
  const session = await ort.InferenceSession.create(graph.toBytes({ graphName: 'pre', docString: '', metadata: {} }));
  const missing = new MissingValues(pre.config.missingValues);
  const feeds: Record<string, ort.Tensor> = {};
  for (const column of pre.config.columns) {
    const cells = ROWS.map((row) => row[NAMES.indexOf(column.name)]);
    if (column.kind === 'categorical') feeds[column.name] = new ort.Tensor('string', cells, [ROWS.length, 1]);
    else {
      const parse = column.kind === 'numeric' ? parseNumber : parseBoolean;
      feeds[column.name] = new ort.Tensor('float32', Float32Array.from(cells, (c) => (missing.has(c) ? NaN : parse(c))), [ROWS.length, 1]);
    }
  }
  const onnx = (await session.run(feeds)).features.data as Float32Array;
  return { onnx, nnkit: pre.transformRaw(rawColumnsFromRows(NAMES, ROWS)).x.data };
}

const policies: [string, PreprocessorFitOptions][] = [
  ['defaults (<other> for rare, <missing>)', {}],
  ['every category its own column, no <other>: unseen is all zeros', { minFrequency: 1 }],
  ['missing categories get the most frequent one', { categoricalMissing: 'most-frequent', minFrequency: 1 }],
  ['one category per column, the rest <other>', { maxCategories: 1 }],
];

for (const [name, options] of policies) {
  test(`the ONNX features equal transformRaw's bit for bit: ${name}`, async () => {
    const table = parseCsv(await readFile(TRAIN, 'utf8'), { target: 'churned' });
    const pre = Preprocessor.fit(table.features, options);
    const plan = pre.config.columns.find((column) => column.name === 'plan');
    assert.ok(plan?.kind === 'categorical', 'plan is categorical');
    if (options.minFrequency === 1) assert.equal(plan.other, false, 'no <other> column');
    if (options.categoricalMissing === 'most-frequent') assert.ok(!plan.missingSlot && plan.fill !== null, 'a fill, no <missing>');
    const { onnx, nnkit } = await features(pre);
    assert.deepEqual(Array.from(onnx), Array.from(nnkit));
  });
}

test('missing-value tokens are listed in every letter case, and nothing else', () => {
  const spellings = missingSpellings(['', 'NA', '?']);
  assert.deepEqual(spellings, ['', '?', 'NA', 'Na', 'nA', 'na']);
  assert.ok(missingSpellings(['ok']).includes('o\u212A'), 'the Kelvin sign lowercases to k, as MissingValues reads it');
});
