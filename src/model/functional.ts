import type { SymbolicTensor } from '../layers/symbolic-tensor.js';
import { deserializeModel, parseModelJson } from './deserialize.js';
import { Model } from './model.js';

/** `nn.model({ inputs, outputs })`: a functional model from a graph of applied layers. */
export function model(args: { inputs: SymbolicTensor; outputs: SymbolicTensor; name?: string }): Model {
  return new Model(args);
}

/**
 * Loads a model saved with `model.save(dir)`. In Node this reads the directory; the file
 * access lives in io/ and is imported only when called, so the core stays browser-safe.
 */
export async function loadModel(dir: string): Promise<Model> {
  const io = await import('../io/load-model.js');
  return io.loadModel(dir);
}

/** Loads a model from the bytes of model.json and weights.bin (browsers, custom storage). */
export function loadModelFromBytes(modelJson: string, weights: Uint8Array, optimizerState?: Uint8Array): Model {
  return deserializeModel(parseModelJson(modelJson, 'model.json'), weights, '.', optimizerState);
}
