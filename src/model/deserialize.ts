import { FormatError, NnkitError } from '../errors.js';
import { Layer, MergeLayer, type BaseLayer, type LayerConfig } from '../layers/base-layer.js';
import { InputLayer } from '../layers/input-layer.js';
import { layerFromConfig } from '../layers/registry.js';
import type { SymbolicTensor } from '../layers/symbolic-tensor.js';
import { withAllocationBudget } from '../layers/variable.js';
import type { LossConfig } from '../losses/loss.js';
import type { MetricConfig } from '../metrics/metric.js';
import type { OptimizerConfig } from '../optimizers/optimizer.js';
import { bytesToFloats } from '../utils/bytes.js';
import { Model } from './model.js';
import { checkBlob, FORMAT, FORMAT_VERSION, type ModelJson, type SavedBlob } from './serialize.js';
import { Sequential } from './sequential.js';

const MAX_LAYERS = 10_000;

function fail(message: string, path: string): never {
  throw new FormatError('format/invalid', `${path}: ${message}`, path);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses model.json text, refusing keys that could reach an object prototype. */
export function parseModelJson(text: string, path: string): ModelJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') fail(`forbidden key "${key}" in model.json`, path);
      return value;
    });
  } catch (error) {
    if (error instanceof NnkitError) throw error;
    throw new FormatError('format/json', `${path} is not valid JSON (${(error as Error).message}); the file is corrupt or not an nnkit model.`, path);
  }
  if (!isObject(parsed) || parsed.format !== FORMAT) fail(`not an nnkit model (expected "format": "${FORMAT}")`, path);
  if (parsed.formatVersion !== FORMAT_VERSION) fail(`format version ${String(parsed.formatVersion)} is not supported (this nnkit reads ${FORMAT_VERSION})`, path);
  if (!Array.isArray(parsed.layers) || parsed.layers.length === 0 || parsed.layers.length > MAX_LAYERS) fail('"layers" must be a non-empty array', path);
  for (const l of parsed.layers) {
    if (!isObject(l) || typeof l.className !== 'string' || !isObject(l.config) || typeof l.config.name !== 'string' ||
        !Array.isArray(l.inbound) || l.inbound.length > MAX_LAYERS || !l.inbound.every((n) => typeof n === 'string')) {
      fail('each layer needs className, config.name and inbound names', path);
    }
  }
  if (!Array.isArray(parsed.weights) || !parsed.weights.every((w) => isObject(w) && typeof w.name === 'string' && Array.isArray(w.shape) &&
      w.shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0))) {
    fail('"weights" must list { name, shape } with whole-number dimensions', path);
  }
  checkBlobJson(parsed.weightsFile, 'weightsFile', path);
  if (parsed.optimizerState !== undefined) {
    checkBlobJson(parsed.optimizerState, 'optimizerState', path);
    const { iterations, arrays } = parsed.optimizerState as unknown as Record<string, unknown>;
    if (!Number.isSafeInteger(iterations) || (iterations as number) < 0 || !Number.isSafeInteger(arrays) || (arrays as number) < 0) {
      fail('"optimizerState" needs whole-number "iterations" and "arrays"', path);
    }
  }
  if (typeof parsed.threshold !== 'number' || !Number.isFinite(parsed.threshold)) {
    fail('"threshold" must be a finite number', path);
  }
  if (typeof parsed.output !== 'string' || typeof parsed.name !== 'string') fail('"output" and "name" must be strings', path);
  if (parsed.metadata !== undefined && !isObject(parsed.metadata)) fail('"metadata" must be an object', path);
  if (parsed.training !== undefined) {
    const t = parsed.training;
    if (!isObject(t) || !isObject(t.loss) || typeof t.loss.className !== 'string' || !isObject(t.optimizer) ||
        typeof t.optimizer.className !== 'string' || !Array.isArray(t.metrics)) {
      fail('"training" must be { loss: { className, config }, optimizer: { className, config }, metrics: [...] }', path);
    }
  }
  if (parsed.className !== 'Sequential' && parsed.className !== 'Functional') fail('"className" must be Sequential or Functional', path);
  return parsed as unknown as ModelJson;
}

function checkBlobJson(blob: unknown, key: string, path: string): asserts blob is SavedBlob {
  if (!isObject(blob) || (blob.file !== 'weights.bin' && blob.file !== 'optimizer.bin') ||
      !Number.isSafeInteger(blob.bytes) || (blob.bytes as number) < 0 || (blob.bytes as number) % 4 !== 0 ||
      !Number.isSafeInteger(blob.crc32)) {
    fail(`"${key}" must be { file, bytes (a multiple of 4), crc32 }`, path);
  }
}

/** Rebuilds a model from model.json and its weight bytes; never evaluates code from the file. */
export function deserializeModel(json: ModelJson, weights: Uint8Array, dir: string, optimizerState?: Uint8Array): Model {
  checkBlob(json.weightsFile, weights, `${dir}/weights.bin`);
  const floats = bytesToFloats(weights);
  // NOTE: a checksum proves the bytes are the ones saved, not that they are usable; NaN weights
  // would make every prediction NaN without a word.
  const bad = floats.findIndex((v) => !Number.isFinite(v));
  if (bad !== -1) fail(`weights.bin holds ${floats[bad]} at value ${bad}; a model with NaN or infinite weights cannot predict. Retrain it`, `${dir}/weights.bin`);
  const declared = json.weights.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  if (declared !== floats.length) {
    fail(`the weight list declares ${declared} values but weights.bin holds ${floats.length}`, `${dir}/model.json`);
  }
  const model = withAllocationBudget(floats.length, () => buildArchitecture(json, `${dir}/model.json`));
  const all = [model.modelGraph.input.layer, ...model.modelGraph.layers].flatMap((l) => l.weights);
  if (all.length !== json.weights.length) {
    fail(`the architecture has ${all.length} weights but the weight list names ${json.weights.length}`, `${dir}/model.json`);
  }
  let offset = 0;
  all.forEach((v, i) => {
    const saved = json.weights[i];
    if (saved.shape.join(',') !== v.shape.join(',')) {
      fail(`weight ${i} ("${saved.name}") has shape [${saved.shape.join(', ')}] but the layer needs [${v.shape.join(', ')}]`, `${dir}/model.json`);
    }
    v.value.set(floats.subarray(offset, offset + v.size));
    offset += v.size;
  });
  model.threshold = json.threshold;
  model.metadata = json.metadata ? { ...json.metadata } : {};
  model.doctor.restoreFrom(model.metadata, model.inputFeatures, `${dir}/model.json`);
  if (json.training) {
    model.compile({
      loss: json.training.loss as LossConfig,
      optimizer: json.training.optimizer as OptimizerConfig,
      metrics: json.training.metrics as MetricConfig[],
      silence: model.doctor.silence,
    });
    if (json.optimizerState && optimizerState) restoreOptimizer(model, json.optimizerState, optimizerState, dir);
  }
  return model;
}

function buildArchitecture(json: ModelJson, path: string): Model {
  const byName = new Map<string, { layer: BaseLayer; inbound: readonly string[] }>();
  for (const saved of json.layers) {
    if (byName.has(saved.config.name)) fail(`two layers are named "${saved.config.name}"`, path);
    byName.set(saved.config.name, { layer: layerFromConfig({ className: saved.className, config: saved.config } as LayerConfig), inbound: saved.inbound });
  }
  const input = json.layers[0];
  const inputLayer = byName.get(input.config.name)!.layer;
  if (!(inputLayer instanceof InputLayer)) fail('the first layer must be the InputLayer', path);
  if (json.className === 'Sequential') {
    const stack = json.layers.slice(1).map((l) => byName.get(l.config.name)!.layer);
    if (!stack.every((l): l is Layer => l instanceof Layer)) fail('a Sequential model holds single-input layers only', path);
    const model = new Sequential(stack, { name: json.name });
    model.build(inputLayer.shape);
    return model;
  }
  const tensors = new Map<string, SymbolicTensor>([[inputLayer.name, inputLayer.output]]);
  // NOTE: an explicit stack instead of recursion, so a deep or cyclic hostile graph ends in a
  // FormatError rather than a stack overflow. A layer met again while its inputs are still
  // pending closes a cycle.
  const waiting = new Set<string>();
  const stack = [json.output];
  while (stack.length > 0) {
    const name = stack[stack.length - 1];
    if (tensors.has(name)) {
      stack.pop();
      continue;
    }
    const entry = byName.get(name);
    if (!entry) fail(`layer "${name}" is named as an input but not defined`, path);
    const pending = entry.inbound.filter((n) => !tensors.has(n));
    if (pending.length > 0) {
      if (waiting.has(name)) fail(`layer "${name}" is part of a cycle; a model's graph must flow from the input to the output`, path);
      waiting.add(name);
      stack.push(...pending);
      continue;
    }
    const inputs = entry.inbound.map((n) => tensors.get(n)!);
    let out: SymbolicTensor;
    if (entry.layer instanceof MergeLayer) out = entry.layer.apply(inputs);
    else if (entry.layer instanceof Layer && inputs.length === 1) out = entry.layer.apply(inputs[0]);
    else fail(`layer "${name}" has ${inputs.length} inbound layers, which its class does not take`, path);
    tensors.set(name, out);
    stack.pop();
  }
  return new Model({ inputs: inputLayer.output, outputs: tensors.get(json.output)!, name: json.name });
}

function restoreOptimizer(model: Model, saved: NonNullable<ModelJson['optimizerState']>, bytes: Uint8Array, dir: string): void {
  checkBlob(saved, bytes, `${dir}/optimizer.bin`);
  const trainer = model.prepare(model.inputFeatures, 'load');
  const optimizer = trainer.optimizer;
  const floats = bytesToFloats(bytes);
  const arrays = optimizer.state;
  const size = arrays.reduce((s, a) => s + a.length, 0);
  if (arrays.length !== saved.arrays || size !== floats.length) {
    fail(`the optimizer state does not match this model's ${optimizer.name} optimizer`, `${dir}/optimizer.bin`);
  }
  let offset = 0;
  for (const a of arrays) {
    a.set(floats.subarray(offset, offset + a.length));
    offset += a.length;
  }
  optimizer.iterations = saved.iterations;
}
