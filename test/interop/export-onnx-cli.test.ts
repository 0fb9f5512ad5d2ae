// `nnkit export --format onnx` of an `nnkit train` folder writes the whole pipeline (an ensemble's
// average and a calibration included); ONNX Runtime, fed the raw rows of a new file (unseen
// categories, missing fields), gives what `nnkit predict` prints for them. A folder holding a
// bare model exports its network.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as ort from 'onnxruntime-node';
import * as nn from '../../src/node/index.js';
import { FIXTURES, runCli, temporaryFolder } from '../cli/run-cli.js';

describe('nnkit export --format onnx', () => {
  let folder: { path: string; remove: () => Promise<void> };
  let modelDir: string;
  before(async () => {
    folder = await temporaryFolder();
    modelDir = join(folder.path, 'churn');
    const trained = await runCli(['train', join(FIXTURES, 'customers.csv'), '--target', 'churned', '--out', modelDir, '--epochs', '5', '--seed', '3', '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
  });
  after(() => folder.remove());

  /** Exports a train folder as ONNX and runs it on customers-new.csv; returns |ONNX − nnkit predict|. */
  async function onnxVersusPredict(dir: string, out: string): Promise<number> {
    const exported = await runCli(['export', '--model', dir, '--format', 'onnx', '--out', out]);
    assert.equal(exported.code, 0, exported.stderr);
    const data = join(FIXTURES, 'customers-new.csv');
    const predicted = await runCli(['predict', '--model', dir, data]);
    const [header, ...lines] = predicted.stdout.trimEnd().split('\n');
    assert.equal(header, 'probability_yes,class');
    const expected = lines.map((line) => line.split(','));

    const [names, ...rows] = (await readFile(data, 'utf8')).trimEnd().split('\n').map((line) => line.split(','));
    const missing = new nn.data.MissingValues();
    const cells = (name: string) => rows.map((row) => row[names.indexOf(name)]);
    const numbers = (name: string, parse: (text: string) => number) =>
      new ort.Tensor('float32', Float32Array.from(cells(name), (cell) => (missing.has(cell) ? NaN : parse(cell))), [rows.length, 1]);
    const session = await ort.InferenceSession.create(out);
    const result = await session.run({
      age: numbers('age', nn.data.parseNumber),
      monthly_spend: numbers('monthly_spend', nn.data.parseNumber),
      support_calls: numbers('support_calls', nn.data.parseNumber),
      autopay: numbers('autopay', nn.data.parseBoolean),
      plan: new ort.Tensor('string', cells('plan'), [rows.length, 1]),
      region: new ort.Tensor('string', cells('region'), [rows.length, 1]),
    });
    const probabilities = result.probabilities.data as Float32Array;
    const worst = Math.max(...expected.map(([p], i) => Math.abs(Number(p) - probabilities[i])));
    assert.ok(worst < 1e-5, `probabilities differ by ${worst}`);
    assert.deepEqual(result.label.data, expected.map(([, label]) => label));
    return worst;
  }

  test('a classifier folder: ONNX Runtime on raw rows equals nnkit predict', async (t) => {
    const worst = await onnxVersusPredict(modelDir, join(folder.path, 'churn.onnx'));
    t.diagnostic(`max |ONNX Runtime − nnkit predict (7 decimals)| = ${worst}`);
  });

  test('an ensemble with a calibration (--ensemble 3 --calibrate sigmoid): ONNX Runtime equals nnkit predict', async (t) => {
    const dir = join(folder.path, 'churn-ensemble');
    const args = ['--target', 'churned', '--out', dir, '--epochs', '5', '--seed', '4', '--ensemble', '3', '--calibrate', 'sigmoid', '--quiet'];
    const trained = await runCli(['train', join(FIXTURES, 'customers.csv'), ...args]);
    assert.equal(trained.code, 0, trained.stderr);
    const worst = await onnxVersusPredict(dir, join(folder.path, 'churn-ensemble.onnx'));
    t.diagnostic(`max |ONNX Runtime − nnkit predict (7 decimals)| = ${worst}`);

    // NOTE: TF.js holds the network but not the calibration: refused, and nothing is written.
    const out = join(folder.path, 'churn-tfjs');
    const refused = await runCli(['export', '--model', dir, '--format', 'tfjs', '--out', out]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /is calibrated \(sigmoid .*cannot hold.*--format onnx/s);
    assert.equal(existsSync(out), false, 'no file written');
  });

  test('a bare model folder exports its network, input (batch, features) → output', async () => {
    const model = nn.sequential([nn.layers.dense({ units: 2, activation: 'softmax', inputShape: [3] })]);
    const saved = join(folder.path, 'bare');
    await model.save(saved);
    const exported = await runCli(['export', '--model', saved, '--format', 'onnx', '--out', join(folder.path, 'bare.onnx')]);
    assert.equal(exported.code, 0, exported.stderr);
    const session = await ort.InferenceSession.create(join(folder.path, 'bare.onnx'));
    assert.deepEqual([session.inputNames, session.outputNames], [['input'], ['output']]);
    const x = new Float32Array([1, 2, 3]);
    const result = await session.run({ input: new ort.Tensor('float32', x, [1, 3]) });
    const ours = model.predict(nn.tensor([[1, 2, 3]])).data;
    assert.ok(Math.abs((result.output.data as Float32Array)[0] - ours[0]) < 1e-6, 'same output');
  });
});
