import { bytesToFiles } from './model-files.js';
import { modelFromFiles } from './model-from-files.js';
import { modelStorage } from './model-storage.js';
import type { Model } from './model.js';

/**
 * Loads a saved model: from bytes (`model.toBytes()`, a downloaded or fetched file), or from a
 * path through the registered storage (in Node, a folder written by `model.save(path)` or a
 * `.nnkit` file). It predicts bit-identically and can train on.
 */
export async function loadModel(source: string | Uint8Array): Promise<Model> {
  if (typeof source === 'string') return modelFromFiles(await modelStorage('nn.loadModel').load(source), source).model;
  return modelFromFiles(bytesToFiles(source, 'the model bytes'), 'the model bytes').model;
}
