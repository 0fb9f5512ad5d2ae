import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nn from '../index.js';

/** Runs `action` with console.warn captured; returns what it printed. */
async function printed(action: () => Promise<unknown> | unknown): Promise<string[]> {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await action();
  } finally {
    console.warn = original;
  }
  return lines;
}

/** A sigmoid model compiled with mean squared error: one compile-time warning. */
function mseClassifier(silence: nn.DiagnosticCode[] = []): nn.Model {
  const model = nn.sequential([nn.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [2] })]);
  model.compile({ optimizer: 'adam', loss: 'mse', silence });
  return model;
}

const x = [[0, 1000], [1, -1000], [0.5, 300], [0.2, -50]];
const y = [0, 1, 1, 0];

test('warnings are collected on the model and the History, and printed once when verbose is not 0', async () => {
  const model = mseClassifier();
  let history: nn.History | undefined;
  const first = await printed(async () => (history = await model.fit(x, y, { epochs: 1, verbose: 2 })));
  const codes = history!.diagnostics.map((d) => d.code);
  assert.deepEqual(codes, ['regression-loss-on-classifier', 'unscaled-features']);
  assert.deepEqual(model.diagnostics.map((d) => d.code), codes);
  assert.equal(first.filter((line) => line.startsWith('nnkit warning [')).length, 2);
  assert.match(first[0], /^nnkit warning \[regression-loss-on-classifier\]: /);
  const second = await printed(() => model.fit(x, y, { epochs: 1, verbose: 2 }));
  assert.deepEqual(second.filter((line) => line.startsWith('nnkit warning')), [], 'the same warnings are not printed twice');
});

test('verbose 0 keeps warnings off the console but on the model and History', async () => {
  const model = mseClassifier();
  let history: nn.History | undefined;
  const lines = await printed(async () => (history = await model.fit(x, y, { epochs: 1, verbose: 0 })));
  assert.deepEqual(lines, []);
  assert.equal(history!.diagnostics.length, 2);
  const predictLines = await printed(() => model.predict(x.map(([a, b]) => [a * 100, b * 100]), { verbose: 0 }));
  assert.deepEqual(predictLines, []);
  assert.ok(model.diagnostics.some((d) => d.code === 'feature-drift'));
});

test('a new fit replaces the last fit\'s warnings; compile warnings stay until the next compile', async () => {
  const model = mseClassifier();
  await model.fit(x, y, { epochs: 1, verbose: 0 });
  await model.fit(x.map(([a, b]) => [a, b / 1000]), y, { epochs: 1, verbose: 0 });
  assert.deepEqual(model.diagnostics.map((d) => d.code), ['regression-loss-on-classifier']);
});

test('every diagnostic is plain JSON with a three-part message ending in its fix', async () => {
  const model = mseClassifier();
  const history = await model.fit(x, y, { epochs: 1, verbose: 0 });
  for (const d of history.diagnostics) {
    assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
    assert.ok(d.message.endsWith(d.fix));
    assert.ok(d.message.length > d.fix.length + 40, 'what happened and why it matters come first');
  }
});

test('silenced codes are saved with the model and still silenced after loading', async () => {
  const model = mseClassifier(['regression-loss-on-classifier', 'unscaled-features']);
  const history = await model.fit(x, y, { epochs: 1, verbose: 0 });
  assert.deepEqual(history.diagnostics, []);
  const loaded = await nn.loadModel(model.toBytes());
  assert.deepEqual(loaded.doctor.silence, ['regression-loss-on-classifier', 'unscaled-features']);
  const again = await loaded.fit(x, y, { epochs: 1, verbose: 0 });
  assert.deepEqual(again.diagnostics, []);
});

test('predicting batch after batch keeps and prints the first drift warning only', async () => {
  const model = mseClassifier(['unscaled-features']);
  await model.fit(x, y, { epochs: 1, verbose: 0 });
  const lines = await printed(() => {
    for (let k = 2; k < 6; k++) model.predict(x.map(([a, b]) => [a * 10 ** k, b * 10 ** k]));
  });
  assert.equal(lines.filter((line) => line.startsWith('nnkit warning [feature-drift]')).length, 1);
  assert.equal(model.diagnostics.filter((d) => d.code === 'feature-drift').length, 1);
});
