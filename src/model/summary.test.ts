import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { input } from '../layers/input-layer.js';
import { layers } from '../layers/registry.js';
import { model as functionalModel } from './functional.js';
import { sequential } from './sequential.js';

function capture(
  print: (printFn: (line: string) => void) => string,
): { printed: string[]; returned: string } {
  const printed: string[] = [];
  const returned = print((line) => printed.push(line));
  return { printed, returned };
}

/** The table row of a layer: its cells, trimmed. */
function row(text: string, layerName: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith('│') && l.includes(` ${layerName} (`));
  assert.ok(line, `a row for ${layerName}`);
  return line.split('│').slice(1, -1).map((cell) => cell.trim());
}

describe('summary', () => {
  it('prints Keras\' table with (None, 1) for a one-unit output and the parameter totals', () => {
    const m = sequential([
      layers.dense({ units: 4, activation: 'relu', inputShape: [3], name: 'hidden' }),
      layers.dropout({ rate: 0.2, name: 'drop' }),
      layers.dense({ units: 1, activation: 'sigmoid', name: 'out' }),
    ], { name: 'classifier' });
    const { printed, returned } = capture((printFn) => m.summary({ printFn }));
    assert.deepEqual(printed, [returned], 'prints once, the text it returns');
    assert.match(returned, /^Model: "classifier"/);
    assert.deepEqual(row(returned, 'hidden'), ['hidden (Dense)', '(None, 4)', '16']);
    assert.deepEqual(row(returned, 'drop'), ['drop (Dropout)', '(None, 4)', '0']);
    assert.deepEqual(row(returned, 'out'), ['out (Dense)', '(None, 1)', '5']);
    assert.match(returned, / Total params: 21 \(84\.00 B\)/);
    assert.match(returned, / Trainable params: 21 \(84\.00 B\)/);
    assert.match(returned, / Non-trainable params: 0 \(0\.00 B\)/);
  });

  it('counts moving statistics and frozen layers as non-trainable', () => {
    const m = sequential([
      layers.dense({ units: 4, inputShape: [3], name: 'hidden' }),
      layers.batchNormalization({ name: 'norm' }),
      layers.dense({ units: 1, activation: 'sigmoid', trainable: false, name: 'frozen' }),
    ]);
    const { returned } = capture((printFn) => m.summary({ printFn }));
    assert.deepEqual(row(returned, 'norm'), ['norm (BatchNormalization)', '(None, 4)', '16']);
    assert.match(returned, / Total params: 37 /);
    assert.match(returned, / Trainable params: 24 /); // dense 16 + gamma, beta 8
    assert.match(returned, / Non-trainable params: 13 /); // moving stats 8 + frozen dense 5
  });

  it('lists the input layer and what each layer is connected to for graphs with merges', () => {
    const inputs = input({ shape: [3], name: 'features' });
    const a = layers.dense({ units: 2, name: 'left' }).apply(inputs);
    const b = layers.dense({ units: 2, name: 'right' }).apply(inputs);
    const joined = layers.concatenate({ name: 'join' }).apply([a, b]);
    const outputs = layers.dense({ units: 1, activation: 'sigmoid', name: 'out' }).apply(joined);
    const m = functionalModel({ inputs, outputs });
    const { returned } = capture((printFn) => m.summary({ printFn }));
    assert.match(returned, /Connected to/);
    assert.deepEqual(row(returned, 'features'), ['features (InputLayer)', '(None, 3)', '0', '-']);
    const join = row(returned, 'join');
    assert.deepEqual(join, ['join (Concatenate)', '(None, 4)', '0', 'left, right']);
    assert.deepEqual(row(returned, 'out'), ['out (Dense)', '(None, 1)', '5', 'join']);
    assert.match(returned, / Total params: 21 /);
  });

  it('writes thousands with separators, as Keras does', () => {
    const m = sequential([
      layers.dense({ units: 100, inputShape: [30] }),
      layers.dense({ units: 1 }),
    ]);
    const { returned } = capture((printFn) => m.summary({ printFn }));
    assert.match(returned, / Total params: 3,201 \(12\.50 KB\)/);
  });
});
