import { FormatError, NnkitError } from '../errors.js';
import { JsonReader } from '../utils/json-reader.js';
import { BLOB_NAME } from './model-files.js';
import {
  FORMAT, FORMAT_VERSION,
  type ModelDocument, type SavedBlob, type SavedLayer, type SavedOptimizerState, type SavedTraining,
} from './model-document.js';

const MAX_LAYERS = 10_000;
const MAX_WEIGHTS = 100_000;

/**
 * Parses and checks model.json: every field the loader relies on, with the path of a bad one in
 * the error. Reads this version's layout and version 1's, where the doctor state and feature
 * names lived in `metadata`; either way the result has version 2's sections. Layer options are
 * checked by the layers themselves when they are built (see model-from-files.ts).
 */
export function readModelDocument(text: string, file: string): ModelDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value) => {
      // NOTE: refused outright: such keys could reach an object's prototype in naive code.
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        throw new FormatError('format/invalid', `${file}: forbidden key "${key}"; the file is not an nnkit model.`, file);
      }
      return value;
    });
  } catch (error) {
    if (error instanceof NnkitError) throw error;
    throw new FormatError('format/json', `${file} is not valid JSON (${(error as Error).message}); the file is damaged or not an nnkit model.`, file);
  }
  const root = new JsonReader(parsed, file);
  root.object();
  if (root.field('format').value !== FORMAT) root.field('format').fail(`"${FORMAT}" (the file is not an nnkit model)`);
  const version = root.field('formatVersion');
  if (version.value !== 1 && version.value !== FORMAT_VERSION) {
    version.fail(`1 or ${FORMAT_VERSION}, the versions this nnkit reads (save the model again with this version)`);
  }
  const metadata = root.optional('metadata');
  if (metadata !== undefined) metadata.object();
  // NOTE: version 1 kept the doctor's state and the feature names inside metadata.
  const legacy = version.value === 1 && metadata !== undefined;
  const doctor = legacy ? metadata.optional('doctor') : root.optional('doctor');
  const featureNames = legacy ? metadata.optional('featureNames') : root.optional('featureNames');
  const userMetadata = legacy ? withoutKeys(metadata.object(), ['doctor', 'featureNames']) : metadata?.object();
  const pipeline = root.optional('pipeline');
  const layers = root.field('layers');
  if (layers.items(MAX_LAYERS).length === 0) layers.fail('a non-empty array of layers, the InputLayer first');
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    name: root.field('name').string(),
    className: root.field('className').oneOf(['Sequential', 'Functional'] as const),
    layers: layers.items(MAX_LAYERS).map(readLayer),
    output: root.field('output').string(),
    weights: root.field('weights').items(MAX_WEIGHTS).map((w) => ({
      name: w.field('name').string(),
      shape: w.field('shape').items(8).map((d) => d.integer(0)),
    })),
    weightsFile: readBlob(root.field('weightsFile'), 'weights'),
    ...optionalSection('training', readTraining(root.optional('training'))),
    ...optionalSection('optimizerState', readOptimizerState(root.optional('optimizerState'))),
    // NOTE: predictions are positive when the probability is above the threshold, so a value
    // outside [0, 1] would silently predict one class for every row.
    threshold: root.field('threshold').number({ min: 0, max: 1 }),
    ...optionalSection('featureNames', featureNames?.stringArray(MAX_WEIGHTS)),
    // NOTE: the doctor section is checked by Doctor.restore, which knows the feature count.
    ...optionalSection('doctor', doctor === undefined ? undefined : (doctor.object() as ModelDocument['doctor'])),
    ...optionalSection('pipeline', pipeline?.object()),
    ...optionalSection('metadata', userMetadata && Object.keys(userMetadata).length > 0 ? userMetadata : undefined),
  };
}

function readLayer(layer: JsonReader): SavedLayer {
  const config = layer.field('config');
  config.field('name').string();
  return {
    className: layer.field('className').string(),
    config: config.object() as SavedLayer['config'],
    inbound: layer.field('inbound').stringArray(MAX_LAYERS),
  };
}

function readBlob(blob: JsonReader, kind: 'weights' | 'optimizer'): SavedBlob {
  const file = blob.field('file');
  const name = file.string();
  if (!BLOB_NAME.test(name) || !name.startsWith(kind)) file.fail(`a file name like "${kind}.bin" or "${kind}-1a2b3c4d.bin"`);
  const bytes = blob.field('bytes');
  if (bytes.integer(0) % 4 !== 0) bytes.fail('a multiple of 4 (float32 values)');
  return { file: name, bytes: bytes.integer(0), crc32: blob.field('crc32').integer(0) };
}

function readTraining(training: JsonReader | undefined): SavedTraining | undefined {
  if (training === undefined) return undefined;
  const named = (config: JsonReader) => {
    config.field('className').string();
    return config.object();
  };
  return {
    loss: named(training.field('loss')) as unknown as SavedTraining['loss'],
    optimizer: named(training.field('optimizer')) as unknown as SavedTraining['optimizer'],
    metrics: training.field('metrics').items(1000).map((m) => m.object()) as unknown as SavedTraining['metrics'],
  };
}

function readOptimizerState(state: JsonReader | undefined): SavedOptimizerState | undefined {
  if (state === undefined) return undefined;
  return { ...readBlob(state, 'optimizer'), iterations: state.field('iterations').integer(0), arrays: state.field('arrays').integer(0) };
}

function optionalSection<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function withoutKeys(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
