import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormatError } from '../errors.js';
import * as nn from '../index.js';
import { bytesToFiles, filesToBytes } from '../model/model-files.js';
import { Random } from '../random/random.js';

const random = new Random(21);
const rows = (n: number) => Array.from({ length: n }, () => [random.normal(), random.normal(), random.normal()]);

async function trained(x: number[][]): Promise<nn.Model> {
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [3] })]);
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy', 'auc'] });
  await model.fit(x, x.map((r) => (r[0] > 0 ? 1 : 0)), { epochs: 1, verbose: 0 });
  return model;
}

test("a loaded model still knows its training rows: 'data-leakage' counts them at evaluate", async () => {
  const train = rows(200);
  const model = await trained(train);
  const loaded = await nn.loadModel(model.toBytes());
  const mixed = [...train.slice(0, 60), ...rows(40)];
  loaded.evaluate(mixed, mixed.map((r) => (r[0] > 0 ? 1 : 0)), { verbose: 0 });
  const [leak] = loaded.diagnostics.filter((d) => d.code === 'data-leakage');
  assert.ok(leak, `no data-leakage among ${loaded.diagnostics.map((d) => d.code)}`);
  assert.match(leak.message, /^60 of the 100 evaluated rows \(60\.0%\) also appear, value for value, in the training rows/);
  // 4 bytes per distinct row, in base64.
  const saved = JSON.parse(bytesToFiles(model.toBytes(), 'test').json).doctor.trainingRows;
  assert.deepEqual([saved.rows, saved.duplicates, saved.fingerprints.length], [200, 0, Math.ceil(800 / 3) * 4]);
});

test('a damaged record of the training rows is a FormatError naming the field', async () => {
  const model = await trained(rows(50));
  const files = bytesToFiles(model.toBytes(), 'test');
  const document = JSON.parse(files.json);
  document.doctor.trainingRows.rows = 51;
  const damaged = filesToBytes({ ...files, json: JSON.stringify(document) });
  await assert.rejects(nn.loadModel(damaged), (error: unknown) =>
    error instanceof FormatError && /doctor\.trainingRows\.fingerprints: expected the 4-byte fingerprints of 51 distinct rows/.test((error as Error).message));
});

test('a model trained on rows whose 32-bit fingerprints collide saves a record that loads', async () => {
  // 150,000 distinct rows: about 2.6 pairs of them share their low 32 bits.
  const model = await trained(rows(150_000));
  const saved = JSON.parse(bytesToFiles(model.toBytes(), 'test').json).doctor.trainingRows;
  assert.equal(saved.rows, 150_000);
  assert.ok(saved.duplicates > 0, 'random rows whose fingerprints collide (no row repeats)');
  assert.equal(saved.fingerprints.length, Math.ceil((4 * (saved.rows - saved.duplicates)) / 3) * 4);
  await nn.loadModel(model.toBytes());
});
