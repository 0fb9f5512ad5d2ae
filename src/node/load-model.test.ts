// Loading what is not a good save: truncated, corrupt, missing or hostile files each end in a
// clear nnkit FormatError or ConfigError, never a crash, a silently wrong model or a huge
// allocation.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { binaryData } from '../../test/helpers/toy-data.js';
import { ConfigError, FormatError, NnkitError } from '../errors.js';
import { input } from '../layers/input-layer.js';
import { layers } from '../layers/registry.js';
import { model as functionalModel } from '../model/functional.js';
import { modelPort, type Model } from '../model/model.js';
import { loadParts, saveParts } from '../../test/helpers/saved-model.js';
import { loadModel } from './index.js';
import { exponentialDecay } from '../optimizers/schedules.js';
import { optimizers } from '../optimizers/get-optimizer.js';
import { setSeed } from '../random/random.js';
import { Tensor } from '../tensor/tensor.js';

const { x, y } = binaryData(16, 3, 21);
let root = '';
let count = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'nnkit-load-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

function makeModel(): Model {
  const inputs = input({ shape: [3] });
  const a = layers.dense({ units: 4, activation: 'relu', kernelRegularizer: 'l2' }).apply(inputs);
  const b = layers.batchNormalization().apply(layers.dense({ units: 4 }).apply(inputs));
  const merged = layers.add().apply([a, layers.activation({ activation: 'tanh' }).apply(b)]);
  const joined = layers.concatenate().apply([a, layers.dropout({ rate: 0.2 }).apply(merged)]);
  const outputs = layers.dense({ units: 1, activation: 'sigmoid' }).apply(joined);
  const m = functionalModel({ inputs, outputs });
  const schedule = { initialLearningRate: 0.01, decaySteps: 5, decayRate: 0.5 };
  const learningRate = exponentialDecay(schedule);
  const optimizer = optimizers.adam({ learningRate });
  m.compile({ optimizer, loss: 'binary_crossentropy', metrics: ['accuracy'] });
  return m;
}

/** A saved model directory; `edit` may rewrite its files before it is returned. */
async function savedModel(): Promise<string> {
  setSeed(1);
  const m = makeModel();
  await m.fit(x, y, { epochs: 1, verbose: 0 });
  const dir = join(root, `model-${count++}`);
  await m.save(dir, { includeOptimizer: true });
  return dir;
}

/** The path of a saved folder's weights or optimizer blob, as its model.json names it. */
async function blob(dir: string, kind: 'weightsFile' | 'optimizerState'): Promise<string> {
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  return join(dir, json[kind].file);
}

async function editJson(dir: string, edit: (json: Record<string, any>) => void): Promise<void> {
  const path = join(dir, 'model.json');
  const json = JSON.parse(await readFile(path, 'utf8'));
  edit(json);
  await writeFile(path, JSON.stringify(json));
}

async function rejectsWith(
  dir: string, type: typeof FormatError | typeof ConfigError, code: string | RegExp,
  ...patterns: RegExp[]
): Promise<void> {
  await assert.rejects(loadModel(dir), (error: unknown) => {
    assert.ok(error instanceof type, `a ${type.name}, not ${String(error)}`);
    if (typeof code === 'string') assert.equal(error.code, code, error.message);
    else assert.match(error.code, code);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe('loading damaged files', () => {
  it('a truncated weights.bin is a FormatError that says the file is truncated', async () => {
    const dir = await savedModel();
    const bytes = await readFile(await blob(dir, 'weightsFile'));
    await writeFile(await blob(dir, 'weightsFile'), bytes.subarray(0, bytes.length - 4));
    const declared = new RegExp(String(bytes.length));
    await rejectsWith(dir, FormatError, 'format/truncated', /truncated/, declared);
  });

  it('a weights.bin with extra bytes is a FormatError', async () => {
    const dir = await savedModel();
    const bytes = await readFile(await blob(dir, 'weightsFile'));
    await writeFile(await blob(dir, 'weightsFile'), Buffer.concat([bytes, Buffer.alloc(4)]));
    await rejectsWith(dir, FormatError, 'format/truncated');
  });

  it('one flipped byte in weights.bin fails the checksum', async () => {
    const dir = await savedModel();
    const bytes = await readFile(await blob(dir, 'weightsFile'));
    bytes[10] ^= 0x01;
    await writeFile(await blob(dir, 'weightsFile'), bytes);
    await rejectsWith(dir, FormatError, 'format/checksum', /corrupt/);
  });

  it('a truncated or corrupt optimizer.bin is a FormatError', async () => {
    const dir = await savedModel();
    const bytes = await readFile(await blob(dir, 'optimizerState'));
    await writeFile(await blob(dir, 'optimizerState'), bytes.subarray(0, 8));
    await rejectsWith(dir, FormatError, 'format/truncated');
    bytes[0] ^= 0x80;
    await writeFile(await blob(dir, 'optimizerState'), bytes);
    await rejectsWith(dir, FormatError, 'format/checksum');
  });

  it('a missing weights.bin or directory is a FormatError naming the path', async () => {
    const dir = await savedModel();
    await rm(await blob(dir, 'weightsFile'));
    await rejectsWith(dir, FormatError, 'format/missing-file', /weights-[0-9a-f]{8}\.bin/);
    const nowhere = join(root, 'no-such-model');
    await rejectsWith(nowhere, FormatError, 'format/missing-file', /model\.json/);
  });

  it('a model.json that is not valid JSON is a FormatError', async () => {
    const dir = await savedModel();
    const text = await readFile(join(dir, 'model.json'), 'utf8');
    await writeFile(join(dir, 'model.json'), text.slice(0, text.length / 2));
    await rejectsWith(dir, FormatError, 'format/json', /not valid JSON/);
  });

  it('JSON that is not an nnkit model, or another format version, is a FormatError', async () => {
    const dir = await savedModel();
    await writeFile(join(dir, 'model.json'), '{"hello": "world"}');
    await rejectsWith(dir, FormatError, /^format\//, /not an nnkit model/);
    const other = await savedModel();
    await editJson(other, (json) => {
      json.formatVersion = 99;
    });
    await rejectsWith(other, FormatError, /^format\//, /99/);
  });
});

describe('loading hostile model.json', () => {
  it('a huge layer size fails before allocating', async () => {
    const dir = await savedModel();
    await editJson(dir, (json) => {
      json.layers.find((l: any) => l.className === 'Dense').config.units = 1e9;
    });
    await rejectsWith(dir, FormatError, /^format\//);
  });

  it('a huge declared weight shape fails before allocating', async () => {
    const dir = await savedModel();
    await editJson(dir, (json) => {
      json.weights[0].shape = [1e6, 1e6];
    });
    await rejectsWith(dir, FormatError, /^format\//);
  });

  it('a huge input shape fails before allocating', async () => {
    const dir = await savedModel();
    await editJson(dir, (json) => {
      json.layers[0].config.shape = [1e12];
    });
    await rejectsWith(dir, FormatError, /^format\//);
  });

  it('negative sizes are rejected', async () => {
    const units = await savedModel();
    await editJson(units, (json) => {
      json.layers.find((l: any) => l.className === 'Dense').config.units = -5;
    });
    await rejectsWith(units, FormatError, 'format/invalid', /layers\[\d+\] \(Dense "dense_\d+"\): .*units.*-5/);
    const shape = await savedModel();
    await editJson(shape, (json) => {
      json.layers[0].config.shape = [-3];
    });
    await rejectsWith(shape, FormatError, 'format/invalid', /layers\[0\]/);
    const weight = await savedModel();
    await editJson(weight, (json) => {
      json.weights[0].shape = [-3, 4];
    });
    await rejectsWith(weight, FormatError, /^format\//);
  });

  it('__proto__ and constructor keys are refused and pollute nothing', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const dir = await savedModel();
      const path = join(dir, 'model.json');
      const text = await readFile(path, 'utf8');
      const hostile = text.replace('"config": {', `"config": { "${key}": { "polluted": true },`);
      await writeFile(path, hostile);
      await rejectsWith(dir, FormatError, /^format\//, new RegExp(key));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }
  });

  it('an unknown layer class is a FormatError naming the layer and listing the known ones', async () => {
    const dir = await savedModel();
    await editJson(dir, (json) => {
      json.layers[1].className = 'Lambda';
    });
    const listed = [/"Lambda"/, /Dense/, /BatchNormalization/];
    await rejectsWith(dir, FormatError, 'format/invalid', /layers\[1\]/, ...listed);
  });

  it('a graph with a missing or cyclic inbound layer is a FormatError', async () => {
    const missing = await savedModel();
    await editJson(missing, (json) => {
      json.layers[1].inbound = ['nowhere'];
    });
    await rejectsWith(missing, FormatError, /^format\//, /nowhere/);
    const cyclic = await savedModel();
    await editJson(cyclic, (json) => {
      json.layers[1].inbound = [json.output];
    });
    await rejectsWith(cyclic, FormatError, /^format\//);
  });
});

describe('loading model.json with any one value replaced', () => {
  // NOTE: a property test in miniature: every key of a real model.json, at any depth, takes each
  // of these values in turn. Loading must then succeed or throw an nnkit error; a model that
  // loads must predict and train a step without any other kind of error.
  const HOSTILE: unknown[] = [
    null, -1, 0, 1.5, 1e12, -1e12, 'x', '', true, {}, [], [1e12], [-1],
    { className: 'l2', config: null },
    { className: 'exponential_decay', config: null }, { className: 'zeros', config: null },
  ];

  /** Loads, predicts and trains a step; returns a description of any error that is not nnkit's. */
  function tryLoad(
    text: string, blobs: ReadonlyMap<string, Uint8Array>,
  ): string | undefined {
    try {
      const loaded = loadParts(text, blobs);
      loaded.predict([[0.1, -0.2, 0.3]]);
      if (loaded.compiled) {
        const trainer = modelPort(loaded).prepare(3, 'test');
        const x = new Tensor(new Float32Array([0.1, 0.2, 0.3, -0.4, 0.5, 0.6]), [2, 3]);
        trainer.trainBatch(x, new Tensor(new Float32Array([0, 1]), [2, 1]), undefined);
      }
      return undefined;
    } catch (error) {
      if (error instanceof NnkitError) return undefined;
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  }

  it('never ends in an error that is not an nnkit error', () => {
    setSeed(2);
    const m = makeModel();
    modelPort(m).prepare(3, 'test');
    const { json: root, blobs } = saveParts(m, { includeOptimizer: true });
    const failures: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      for (const key of Object.keys(node)) {
        const holder = node as Record<string, unknown>;
        const original = holder[key];
        for (const value of HOSTILE) {
          holder[key] = value;
          const failure = tryLoad(JSON.stringify(root), blobs);
          if (failure) failures.push(`${path}${key} = ${JSON.stringify(value)} → ${failure}`);
        }
        holder[key] = original;
        walk(original, `${path}${key}.`);
      }
    };
    walk(root, '');
    assert.deepEqual(failures, []);
  });
});
