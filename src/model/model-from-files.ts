import { FormatError, NnkitError } from '../errors.js';
import { Layer, type BaseLayer, type LayerConfig } from '../layers/base-layer.js';
import { MergeLayer } from '../layers/merge-layer.js';
import { InputLayer } from '../layers/input-layer.js';
import { layerFromConfig } from '../layers/registry.js';
import type { SymbolicTensor } from '../layers/base-layer.js';
import { withAllocationBudget } from '../layers/variable.js';
import { bytesToFloats, crc32 } from '../utils/bytes.js';
import { JsonReader } from '../utils/json-reader.js';
import type { ModelDocument, SavedBlob } from './model-document.js';
import { MODEL_JSON, type ModelFiles } from './model-files.js';
import { Model } from './model.js';
import { readModelDocument } from './read-model-document.js';
import { restoreOptimizer } from './restore-optimizer.js';
import { Sequential } from './sequential.js';

export interface LoadedModel {
  readonly model: Model;
  /** The pipeline section, unread: the classifier checks it. */
  readonly pipeline: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Rebuilds a model from its files (`where` names them in errors): checks model.json, the blobs'
 * sizes and checksums, builds the layers from their configs (never evaluating anything from the
 * file), sets the weights and restores the training setup. It predicts bit-identically to the
 * model that was saved and can train on.
 */
export function modelFromFiles(files: ModelFiles, where: string): LoadedModel {
  const file = `${where}/${MODEL_JSON}`;
  const document = readModelDocument(files.json, file);
  const weights = blobBytes(files, document.weightsFile, where);
  const floats = bytesToFloats(weights);
  const weightsFile = `${where}/${document.weightsFile.file}`;
  // NOTE: a checksum proves the bytes are the ones saved, not that they are usable; NaN weights
  // would make every prediction NaN without a word.
  const bad = floats.findIndex((v) => !Number.isFinite(v));
  if (bad !== -1) invalid(weightsFile, `it holds ${floats[bad]} at value ${bad}; a model with NaN or infinite weights cannot predict. Retrain it`);
  const declared = document.weights.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
  if (declared !== floats.length) invalid(file, `the weight list declares ${declared} values but ${document.weightsFile.file} holds ${floats.length}`);
  const model = withAllocationBudget(floats.length, () => buildArchitecture(document, file));
  const variables = [model.modelGraph.input.layer, ...model.modelGraph.layers].flatMap((l) => l.weights);
  if (variables.length !== document.weights.length) {
    invalid(file, `the architecture has ${variables.length} weights but the weight list names ${document.weights.length}`);
  }
  let offset = 0;
  variables.forEach((v, i) => {
    const saved = document.weights[i];
    if (saved.shape.join(',') !== v.shape.join(',')) {
      invalid(file, `weights[${i}] ("${saved.name}") has shape [${saved.shape.join(', ')}] but the layer needs [${v.shape.join(', ')}]`);
    }
    v.value.set(floats.subarray(offset, offset + v.size));
    offset += v.size;
  });
  model.threshold = document.threshold;
  if (document.featureNames !== undefined) {
    if (document.featureNames.length !== model.inputFeatures) {
      new JsonReader(document.featureNames, file, 'featureNames').fail(`${model.inputFeatures} names, one per input feature`);
    }
    model.featureNames = document.featureNames;
  }
  model.metadata = document.metadata ? { ...document.metadata } : {};
  if (document.doctor) model.doctor.restore(new JsonReader(document.doctor, file, 'doctor'), model.inputFeatures);
  if (document.training) {
    model.compile({ ...document.training, metrics: [...document.training.metrics], silence: model.doctor.silence });
    if (document.optimizerState) {
      const state = blobBytes(files, document.optimizerState, where);
      restoreOptimizer(model, document.optimizerState, bytesToFloats(state), `${where}/${document.optimizerState.file}`);
    }
  }
  return { model, pipeline: document.pipeline };
}

/** A blob's bytes, after checking they are there, of the declared size and checksum. */
function blobBytes(files: ModelFiles, blob: SavedBlob, where: string): Uint8Array {
  const path = `${where}/${blob.file}`;
  const bytes = files.blobs.get(blob.file);
  if (bytes === undefined) {
    throw new FormatError('format/missing-file', `${path} is missing; model.json refers to it. Save the model again.`, path);
  }
  if (bytes.length !== blob.bytes) {
    throw new FormatError(
      'format/truncated',
      `${path} holds ${bytes.length} bytes but model.json declares ${blob.bytes}; the file is truncated or from another save. Save the model again.`,
      path,
    );
  }
  if (crc32(bytes) !== blob.crc32) {
    throw new FormatError('format/checksum', `${path} fails its CRC-32 check: the file is corrupt. Save the model again.`, path);
  }
  return bytes;
}

function invalid(path: string, message: string): never {
  throw new FormatError('format/invalid', `${path}: ${message}.`, path);
}

/** The layers, by name, each built from its config; a bad option names its layer's path. */
function buildLayers(document: ModelDocument, file: string): Map<string, { layer: BaseLayer; inbound: readonly string[] }> {
  const byName = new Map<string, { layer: BaseLayer; inbound: readonly string[] }>();
  document.layers.forEach((saved, i) => {
    const path = `layers[${i}]`;
    if (byName.has(saved.config.name)) invalid(file, `${path}: a second layer named "${saved.config.name}"`);
    let layer: BaseLayer;
    try {
      layer = layerFromConfig({ className: saved.className, config: saved.config } as LayerConfig);
    } catch (error) {
      if (!(error instanceof NnkitError) || error instanceof FormatError) throw error;
      throw new FormatError('format/invalid', `${file}: ${path} (${saved.className} "${saved.config.name}"): ${error.message}`, file, { cause: error });
    }
    byName.set(saved.config.name, { layer, inbound: saved.inbound });
  });
  return byName;
}

function buildArchitecture(document: ModelDocument, file: string): Model {
  const byName = buildLayers(document, file);
  const inputLayer = byName.get(document.layers[0].config.name)!.layer;
  if (!(inputLayer instanceof InputLayer)) invalid(file, 'layers[0] must be the InputLayer');
  if (document.className === 'Sequential') {
    const stack = document.layers.slice(1).map((l) => byName.get(l.config.name)!.layer);
    if (!stack.every((l): l is Layer => l instanceof Layer)) invalid(file, 'a Sequential model holds single-input layers only');
    const model = new Sequential(stack, { name: document.name });
    model.build(inputLayer.shape);
    return model;
  }
  const tensors = new Map<string, SymbolicTensor>([[inputLayer.name, inputLayer.output]]);
  // NOTE: an explicit stack instead of recursion, so a deep or cyclic hostile graph ends in a
  // FormatError rather than a stack overflow. A layer met again while its inputs are still
  // pending closes a cycle.
  const waiting = new Set<string>();
  const stack = [document.output];
  while (stack.length > 0) {
    const name = stack[stack.length - 1];
    if (tensors.has(name)) {
      stack.pop();
      continue;
    }
    const entry = byName.get(name);
    if (!entry) invalid(file, `layer "${name}" is named as an input but not defined`);
    const pending = entry.inbound.filter((n) => !tensors.has(n));
    if (pending.length > 0) {
      if (waiting.has(name)) invalid(file, `layer "${name}" is part of a cycle; a model's graph must flow from the input to the output`);
      waiting.add(name);
      stack.push(...pending);
      continue;
    }
    const inputs = entry.inbound.map((n) => tensors.get(n)!);
    let out: SymbolicTensor;
    if (entry.layer instanceof MergeLayer) out = entry.layer.apply(inputs);
    else if (entry.layer instanceof Layer && inputs.length === 1) out = entry.layer.apply(inputs[0]);
    else invalid(file, `layer "${name}" has ${inputs.length} inbound layers, which its class does not take`);
    tensors.set(name, out);
    stack.pop();
  }
  return new Model({ inputs: inputLayer.output, outputs: tensors.get(document.output)!, name: document.name });
}
