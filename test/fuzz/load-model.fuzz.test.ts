// Fuzzing the model loader (model.json + weights.bin + optimizer.bin, through modelFromFiles,
// the code path loadModel uses after reading the files): corrupt, truncated and hostile inputs
// must end in a model that works or in one of nnkit's typed errors — never a TypeError, a
// RangeError, a hang, prototype pollution or a model that silently outputs NaN.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as nn from '../../src/index.js';
import type { ModelDocument } from '../../src/model/model-document.js';
import { loadParts, saveParts } from '../helpers/saved-model.js';
import { crc32 } from '../../src/utils/bytes.js';
import { fuzzParameters, onlyTypedErrors, onlyTypedErrorsAsync, outcomes, summary, type Outcomes } from './fuzz-config.js';

interface Fixture {
  readonly json: ModelDocument;
  readonly text: string;
  readonly weights: Uint8Array;
  readonly optimizer: Uint8Array | undefined;
  readonly features: number;
}

async function fixtures(): Promise<Fixture[]> {
  nn.setSeed(5);
  const x = [[0.1, -1, 2, 0.5], [1, 0.3, -0.2, 0], [0.7, 0.7, 0.1, -1], [-0.4, 1.2, 0, 0.3]];
  const binary = nn.sequential([
    nn.layers.dense({ units: 5, activation: 'relu', inputShape: [4], kernelRegularizer: nn.l2(0.01) }),
    nn.layers.dropout({ rate: 0.2 }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  binary.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  await binary.fit(x, [0, 1, 1, 0], { epochs: 2, verbose: 0 });

  const input = nn.input({ shape: [4] });
  const a = nn.layers.dense({ units: 6, activation: 'tanh' }).apply(input);
  const b = nn.layers.batchNormalization().apply(nn.layers.dense({ units: 6 }).apply(input));
  const merged = nn.layers.concatenate().apply([nn.layers.add().apply([a, b]), a]);
  const output = nn.layers.dense({ units: 3, activation: 'softmax' }).apply(merged);
  const multi = nn.model({ inputs: input, outputs: output, name: 'graph' });
  multi.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 }), loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  await multi.fit(x, [0, 1, 2, 1], { epochs: 2, verbose: 0 });

  return [binary, multi].flatMap((model) =>
    [false, true].map((includeOptimizer) => {
      const saved = saveParts(model, { includeOptimizer });
      // NOTE: the fixed blob names (which the format accepts) let loadBytes take bare bytes.
      const optimizer = includeOptimizer ? saved.blobs.get(saved.json.optimizerState.file) : undefined;
      saved.json.weightsFile.file = 'weights.bin';
      if (optimizer) saved.json.optimizerState.file = 'optimizer.bin';
      return { json: saved.json, text: JSON.stringify(saved.json), weights: saved.weights, optimizer, features: 4 };
    }));
}

/** Loads model.json text with weights.bin (and optimizer.bin) as the loader would. */
function loadBytes(text: string, weights: Uint8Array, optimizer?: Uint8Array): nn.Model {
  return loadParts(text, new Map([['weights.bin', weights], ...(optimizer ? [['optimizer.bin', optimizer] as const] : [])]));
}

/** Every path into a JSON value (object keys and array indices), parents before children. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...prefix, i]), pathsOf(v, [...prefix, i], out)));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      pathsOf(v, [...prefix, k], out);
    }
  }
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], replacement: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === DELETE) delete node[last];
  else node[last] = replacement;
}

const DELETE = Symbol('delete');

/** Values that have broken loaders: huge and negative sizes, wrong types, names of built-ins. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(
    DELETE, null, true, false, 0, -1, -0.5, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 32 + 4, 2 ** 53, 1e9, 4e9, 3.5,
    '', 'Dense', 'InputLayer', 'Add', 'Concatenate', 'BatchNormalization', 'sigmoid', 'softmax', 'linear',
    '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'weights.bin', 'optimizer.bin',
    [], {}, [1e9], [-1], [0], [1e6, 1e6], [2 ** 31, 2 ** 31], [4, 4, 4], ['x'], [null],
    { className: 'Dense', config: { name: 'x', units: 1e9 } }, { className: 'toString', config: {} },
    { className: 'sgd', config: { learningRate: -1 } }, { className: 'adam', config: { learningRate: { className: 'toString' } } },
    { className: 'AUC', config: { numThresholds: 1e9 } }, { className: 'Precision', config: { thresholds: 1e9 } },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
);

const models = await fixtures();
// NOTE: fixtures are drawn by index and looked up inside, so a failing case prints short.
const fixtureIndex = fc.nat({ max: models.length - 1 });

/** Loads and, when the load succeeds, predicts one row: both must end well or in a typed error. */
function loadAndUse(seen: Outcomes, text: string, weights: Uint8Array, optimizer: Uint8Array | undefined, features: number): void {
  const model = onlyTypedErrors(seen, () => loadBytes(text, weights, optimizer));
  if (!model) return;
  const row = Array.from({ length: features }, (_, j) => j / 4 - 0.3);
  const out = onlyTypedErrors(seen, () => model.predict([row], { verbose: 0 }));
  if (out) assert.ok(out.data.every(Number.isFinite), `predict returned non-finite values silently: ${out.data.join(', ')}`);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
}

/**
 * After a successful load, trains one epoch and evaluates: a corrupt training config or
 * optimizer state must end in a typed error or a diagnosed stop, never in a NaN left unsaid.
 */
async function trainAfterLoad(seen: Outcomes, text: string, weights: Uint8Array, optimizer: Uint8Array | undefined): Promise<void> {
  const model = onlyTypedErrors(seen, () => loadBytes(text, weights, optimizer));
  if (!model || !model.compiled) return;
  const x = [[0.1, -1, 2, 0.5], [1, 0.3, -0.2, 0], [0.7, 0.7, 0.1, -1], [-0.4, 1.2, 0, 0.3]];
  const y = model.outputUnits === 1 ? [0, 1, 1, 0] : [0, 1, 2, 1];
  const history = await onlyTypedErrorsAsync(seen, () => model.fit(x, y, { epochs: 2, verbose: 0 }));
  if (history) {
    const finite = history.history.loss.every(Number.isFinite);
    assert.ok(finite || history.diagnostics.some((d) => d.code === 'loss-not-finite'), `fit returned loss ${history.history.loss} without a diagnostic`);
  }
  const scores = onlyTypedErrors(seen, () => model.evaluate(x, y, { verbose: 0 }));
  if (scores) assert.ok(Number.isFinite(scores.loss), `evaluate returned loss ${scores.loss}`);
}

test('the fixtures load back and predict as saved', () => {
  for (const f of models) {
    const model = loadBytes(f.text, f.weights, f.optimizer);
    assert.equal(model.inputFeatures, 4);
  }
});

test('model.json with hostile values at random places loads or fails with a typed error', { timeout: 120_000 }, (t) => {
  const seen = outcomes();
  fc.assert(
    fc.property(fixtureIndex, fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 3 }), (index, edits) => {
      const f = models[index];
      const json = JSON.parse(f.text) as unknown;
      for (const [pick, value] of edits) {
        const paths = pathsOf(json);
        if (paths.length === 0) break;
        setAt(json, paths[pick % paths.length], value);
      }
      loadAndUse(seen, JSON.stringify(json), f.weights, f.optimizer, f.features);
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.rejected > 0);
});

test('a loaded model with hostile training settings trains and evaluates or fails with a typed error', { timeout: 120_000 }, async (t) => {
  const seen = outcomes();
  const trainingPath = fc.constantFrom('training', 'optimizerState', 'metadata', 'threshold');
  await fc.assert(
    fc.asyncProperty(fixtureIndex, trainingPath, fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 2 }), async (index, root, edits) => {
      const f = models[index];
      const json = JSON.parse(f.text) as Record<string, unknown>;
      for (const [pick, value] of edits) {
        const paths = [[root], ...pathsOf(json[root]).map((p) => [root, ...p])];
        setAt(json, paths[pick % paths.length], value);
      }
      await trainAfterLoad(seen, JSON.stringify(json), f.weights, f.optimizer);
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.accepted > 0 && seen.rejected > 0);
});

test('randomly wired layer graphs (cycles, self-loops, missing names, deep chains) load or fail with a typed error', (t) => {
  const seen = outcomes();
  const kinds = ['Activation', 'Dropout', 'Add', 'Concatenate', 'BatchNormalization'] as const;
  const spec = fc.record({ kind: fc.constantFrom(...kinds), inbound: fc.array(fc.nat(), { maxLength: 3 }) });
  fc.assert(
    fc.property(fc.array(spec, { minLength: 1, maxLength: 12 }), fc.nat(), fc.boolean(), (specs, pick, sequential) => {
      const name = (i: number) => (i % (specs.length + 1) === specs.length ? 'in' : `l${i % (specs.length + 1)}`);
      const layers = [
        { className: 'InputLayer', config: { name: 'in', shape: [3] }, inbound: [] },
        ...specs.map((s, i) => ({
          className: s.kind,
          config: { name: `l${i}`, ...(s.kind === 'Activation' ? { activation: 'tanh' } : s.kind === 'Dropout' ? { rate: 0.1 } : {}) },
          inbound: s.inbound.map(name),
        })),
      ];
      const json = {
        format: 'nnkit-model', formatVersion: 1, name: 'wired', className: sequential ? 'Sequential' : 'Functional',
        layers, output: name(pick), threshold: 0.5, weights: [], weightsFile: { file: 'weights.bin', bytes: 0, crc32: crc32(new Uint8Array(0)) },
      };
      loadAndUse(seen, JSON.stringify(json), new Uint8Array(0), undefined, 3);
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.accepted > 0 && seen.rejected > 0);
});

test('a chain of 9999 layers loads without overflowing the stack, and a cycle through it is refused', () => {
  const n = 9999;
  const layers = [{ className: 'InputLayer', config: { name: 'in', shape: [2] }, inbound: [] as string[] }];
  for (let i = 0; i < n; i++) layers.push({ className: 'Activation', config: { name: `a${i}`, activation: 'linear' } as never, inbound: [i === 0 ? 'in' : `a${i - 1}`] });
  const json = {
    format: 'nnkit-model', formatVersion: 1, name: 'deep', className: 'Functional', layers, output: `a${n - 1}`,
    threshold: 0.5, weights: [], weightsFile: { file: 'weights.bin', bytes: 0, crc32: crc32(new Uint8Array(0)) },
  };
  const model = loadBytes(JSON.stringify(json), new Uint8Array(0));
  assert.deepEqual([...model.predict([[1, 2]], { verbose: 0 }).data], [1, 2]);
  layers[1].inbound = [`a${n - 1}`];
  assert.throws(() => loadBytes(JSON.stringify(json), new Uint8Array(0)), (e: unknown) => e instanceof nn.FormatError && /cycle/.test(e.message));
});

test('truncated model.json fails with a typed error', (t) => {
  const seen = outcomes();
  fc.assert(
    fc.property(fixtureIndex, fc.nat(), (index, cut) => {
      const f = models[index];
      loadAndUse(seen, f.text.slice(0, cut % f.text.length), f.weights, f.optimizer, f.features);
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.equal(seen.accepted, 0);
});

test('prototype-pollution keys anywhere in model.json are refused and pollute nothing', (t) => {
  const seen = outcomes();
  const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
  fc.assert(
    fc.property(fixtureIndex, fc.nat(), key, (index, pick, name) => {
      const f = models[index];
      const braces = [...f.text.matchAll(/\{/g)].map((m) => m.index!);
      const at = braces[pick % braces.length];
      const text = `${f.text.slice(0, at + 1)}"${name}":{"polluted":1,"className":"Dense"},${f.text.slice(at + 1)}`;
      loadAndUse(seen, text, f.weights, f.optimizer, f.features);
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.equal(seen.accepted, 0);
});

test('random JSON documents are not mistaken for models', (t) => {
  const seen = outcomes();
  fc.assert(
    fc.property(fc.oneof(fc.json(), fc.string()), (text) => loadAndUse(seen, text, new Uint8Array(0), undefined, 4)),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.equal(seen.accepted, 0);
});

test('corrupt or resized weight bytes (even with a matching checksum) load or fail with a typed error', (t) => {
  const seen = outcomes();
  const edit = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });
  fc.assert(
    fc.property(fixtureIndex, fc.array(edit, { maxLength: 8 }), fc.integer({ min: -8, max: 8 }), fc.boolean(), (index, edits, resize, fixChecksum) => {
      const f = models[index];
      const size = Math.max(0, f.weights.length + resize);
      const bytes = new Uint8Array(size);
      bytes.set(f.weights.subarray(0, size));
      for (const { at, byte } of edits) if (size > 0) bytes[at % size] = byte;
      const json = JSON.parse(f.text) as { weightsFile: { bytes: number; crc32: number } };
      if (fixChecksum) json.weightsFile = { ...json.weightsFile, bytes: size, crc32: crc32(bytes) };
      loadAndUse(seen, JSON.stringify(json), bytes, f.optimizer, f.features);
    }),
    fuzzParameters(),
  );
  t.diagnostic(summary(seen));
  assert.ok(seen.rejected > 0);
});

test('a weight file holding NaN is refused even when its checksum matches', () => {
  const f = models[0];
  const floats = new Float32Array(f.weights.slice().buffer);
  floats[0] = NaN;
  const bytes = new Uint8Array(floats.buffer);
  const json = { ...f.json, weightsFile: { ...f.json.weightsFile, crc32: crc32(bytes) } };
  assert.throws(() => loadBytes(JSON.stringify(json), bytes), (e: unknown) => e instanceof nn.FormatError && /NaN|finite/.test(e.message));
});

test('a declared architecture larger than the weight file is refused before allocating it', () => {
  const f = models[0];
  const json = JSON.parse(f.text) as { layers: { config: Record<string, unknown> }[] };
  json.layers[1].config.units = 2 ** 30;
  assert.throws(() => loadBytes(JSON.stringify(json), f.weights), (e: unknown) => e instanceof nn.FormatError);
});

test('a saved metric whose settings would allocate gigabytes is refused at load', () => {
  const f = models[0];
  const json = JSON.parse(f.text) as { training: { metrics: unknown[] } };
  json.training.metrics = [{ className: 'AUC', config: { numThresholds: 1e9 } }];
  assert.throws(() => loadBytes(JSON.stringify(json), f.weights), (e: unknown) => e instanceof nn.NnkitError && /numThresholds/.test(e.message));
});

test('a merge layer listing 200 000 inbound names is refused, not a stack overflow', () => {
  const f = models[0];
  const json = JSON.parse(f.text) as { layers: { inbound: string[] }[] };
  json.layers[2].inbound = new Array(200_000).fill('dense');
  assert.throws(() => loadBytes(JSON.stringify(json), f.weights), (e: unknown) => e instanceof nn.FormatError);
});
