// Tests that edit a saved model's files: the parsed model.json and the blobs, and back.
import type { Model } from '../../src/model/model.js';
import { modelFromFiles } from '../../src/model/model-from-files.js';
import { modelToFiles } from '../../src/model/model-to-files.js';

export interface SavedParts {
  /** model.json, parsed: edit it freely. */
  json: any;
  blobs: Map<string, Uint8Array>;
  /** The weights blob's bytes and name. */
  weights: Uint8Array;
  weightsName: string;
}

export function saveParts(model: Model, options: { includeOptimizer?: boolean } = {}): SavedParts {
  const files = modelToFiles(model, options);
  const json = JSON.parse(files.json);
  const weightsName = json.weightsFile.file as string;
  return { json, blobs: new Map(files.blobs), weights: files.blobs.get(weightsName)!, weightsName };
}

/** Loads model.json (text or parsed) with the given blobs, as `nn.loadModel` would. */
export function loadParts(json: unknown, blobs: ReadonlyMap<string, Uint8Array>): Model {
  return modelFromFiles({ json: typeof json === 'string' ? json : JSON.stringify(json), blobs }, 'model').model;
}
