import { StateError } from '../errors.js';
import type { ModelFiles } from './model-files.js';

/**
 * Where `model.save(path)` and `nn.loadModel(path)` keep a model's files. The core knows no file
 * system: the Node entry registers one (a folder per model, switched atomically); another
 * runtime may register its own (IndexedDB, a server). Bytes need no storage at all:
 * `model.toBytes()` and `nn.loadModel(bytes)`.
 */
export interface ModelStorage {
  /** Writes the files at `path` so that a reader sees the old model or the new one, never a mix. */
  save(path: string, files: ModelFiles, options?: { signal?: AbortSignal }): Promise<void>;
  load(path: string): Promise<ModelFiles>;
}

let registered: ModelStorage | undefined;

/** Registers the storage behind paths (the Node entry registers the file system's). */
export function setModelStorage(storage: ModelStorage | undefined): void {
  registered = storage;
}

/** The registered storage; `what` (e.g. 'model.save') names the call in the error when there is none. */
export function modelStorage(what: string): ModelStorage {
  if (registered === undefined) {
    throw new StateError(
      'state/no-storage',
      `${what} with a path needs a storage for paths, and this runtime has none: in Node import nnkit ` +
        "(its Node entry stores folders); in a browser use model.toBytes() and nn.loadModel(bytes), or " +
        'register a storage with nn.setModelStorage({ save, load }).',
    );
  }
  return registered;
}
