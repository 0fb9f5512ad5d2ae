import { unzipSync } from 'fflate';
import { FormatError } from '../errors.js';
import type { Model } from '../model/model.js';
import { buildImportedModel } from './build-imported-model.js';
import { Hdf5Reader } from './hdf5-reader.js';
import type { KerasWeights } from './keras-graph.js';
import { kerasV3Weights } from './keras-v3-weights.js';
import { legacyH5Weights } from './legacy-h5-weights.js';
import { kerasDialect, readKerasTopology } from './read-keras-topology.js';
import { tfjsWeights, type TfjsWeightGroup } from './tfjs-weights.js';

/** `keras`: a Keras 3 `.keras` zip; `h5`: a legacy Keras HDF5 model (or architecture JSON + weights h5); `tfjs`: TF.js layers. */
export type ImportFormat = 'keras' | 'h5' | 'tfjs';

export interface ImportOptions {
  /** The format; by default it is recognized from the bytes. */
  readonly format?: ImportFormat;
  /** The file's name, for error messages, when `source` is bytes. */
  readonly fileName?: string;
}

/**
 * A Keras or TensorFlow.js model as an nnkit model, with its weights: `source` is one file's
 * bytes (a `.keras` or a whole-model `.h5`) or files by name (`model.json` and its `.bin`
 * shards; an architecture `.json` and its weights-only `.h5`). The model predicts what Keras
 * predicted and can be compiled, fitted, evaluated and saved like any other. A layer or option
 * nnkit cannot compute exactly is an error naming it, never a model that predicts otherwise.
 */
export async function importModel(source: Uint8Array | ReadonlyMap<string, Uint8Array>, options: ImportOptions = {}): Promise<Model> {
  const files = source instanceof Uint8Array ? new Map([[options.fileName ?? 'model', source]]) : source;
  const [file, bytes] = mainFile(files);
  const format = options.format ?? detectFormat(bytes);
  let topology: unknown;
  let version: unknown;
  let weights: (graph: ReturnType<typeof readKerasTopology>) => KerasWeights;
  if (format === 'keras') {
    const entries = unzip(bytes, file);
    const metadata = parseJson(entry(entries, 'metadata.json', file), `${file}/metadata.json`) as Record<string, unknown>;
    topology = parseJson(entry(entries, 'config.json', file), `${file}/config.json`);
    version = metadata.keras_version;
    const h5 = new Hdf5Reader(entry(entries, 'model.weights.h5', file), `${file}/model.weights.h5`);
    weights = (graph) => kerasV3Weights(h5, graph);
  } else if (format === 'h5' && isHdf5(bytes)) {
    const h5 = new Hdf5Reader(bytes, file);
    const config = h5.attr('', 'model_config');
    if (typeof config !== 'string') {
      throw new FormatError('format/invalid', `${file} holds weights only (no model_config); import it together with the architecture JSON (model.to_json()) in one map of files.`, file);
    }
    topology = parseJson(config, `${file} (model_config)`);
    version = h5.attr('', 'keras_version');
    weights = () => legacyH5Weights(h5, h5.isGroup('model_weights') ? 'model_weights' : '');
  } else if (format === 'h5') {
    const json = parseJson(bytes, file) as Record<string, unknown>;
    const [h5File, h5Bytes] = [...files].find(([, b]) => isHdf5(b)) ?? missing(file, 'the weights .h5 file (model.save_weights) beside the architecture JSON');
    const h5 = new Hdf5Reader(h5Bytes, h5File);
    topology = json;
    version = json.keras_version ?? h5.attr('', 'keras_version');
    weights = () => legacyH5Weights(h5, h5.isGroup('model_weights') ? 'model_weights' : '');
  } else {
    const json = parseJson(bytes, file) as { modelTopology?: Record<string, unknown>; weightsManifest?: TfjsWeightGroup[] };
    const modelTopology = json.modelTopology ?? missing(file, 'modelTopology');
    topology = modelTopology.model_config ?? modelTopology;
    version = modelTopology.keras_version;
    const shard = (path: string): Uint8Array => files.get(path.replace(/^\.\//, '')) ?? files.get(path) ?? missing(file, `the weights shard "${path}" named by its weightsManifest`);
    weights = () => tfjsWeights(json.weightsManifest ?? missing(file, 'weightsManifest'), shard, file);
  }
  // NOTE: files saved by TF.js itself speak Keras 2 ("keras_version": "tfjs-layers 1.2.2").
  const dialect = typeof version === 'string' && version.startsWith('tfjs') ? 'keras2' : kerasDialect(version, topology);
  const graph = readKerasTopology(topology, dialect, file);
  const model = buildImportedModel(graph, weights(graph), file);
  model.metadata = { importedFrom: { format, file, ...(typeof version === 'string' ? { kerasVersion: version } : {}) } };
  return model;
}

/** The file that describes the model: a `.keras`, a `.json`, an `.h5`, in that order. */
function mainFile(files: ReadonlyMap<string, Uint8Array>): [string, Uint8Array] {
  const all = [...files];
  if (all.length === 0) throw new FormatError('format/invalid', 'importModel got no files; pass the bytes of a .keras, .h5 or model.json.');
  const by = (test: (name: string, bytes: Uint8Array) => boolean) => all.find(([n, b]) => test(n, b));
  return all.length === 1 ? all[0] : (by((_, b) => isZip(b)) ?? by((n) => n.endsWith('.json')) ?? by((_, b) => isHdf5(b)) ?? all[0]);
}

function detectFormat(bytes: Uint8Array): ImportFormat {
  if (isZip(bytes)) return 'keras';
  if (isHdf5(bytes)) return 'h5';
  const text = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /"(weightsManifest|modelTopology)"/.test(text) ? 'tfjs' : 'h5';
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
const isHdf5 = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x48 && b[2] === 0x44 && b[3] === 0x46;

function unzip(bytes: Uint8Array, file: string): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new FormatError('format/invalid', `${file} is not a readable zip (${(error as Error).message}); a .keras file is a zip.`, file, { cause: error });
  }
}

function entry(entries: Record<string, Uint8Array>, name: string, file: string): Uint8Array {
  return entries[name] ?? missing(file, name);
}

function parseJson(content: Uint8Array | string, file: string): unknown {
  try {
    return JSON.parse(typeof content === 'string' ? content : new TextDecoder().decode(content));
  } catch (error) {
    throw new FormatError('format/invalid', `${file} is not valid JSON (${(error as Error).message}).`, file, { cause: error });
  }
}

function missing(file: string, what: string): never {
  throw new FormatError('format/missing-file', `${file}: ${what} is missing; a Keras or TF.js model needs it.`, file);
}
