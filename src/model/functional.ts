import type { SymbolicTensor } from '../layers/base-layer.js';
import { Model } from './model.js';

/** `nn.model({ inputs, outputs })`: a functional model from a graph of applied layers. */
export function model(args: { inputs: SymbolicTensor; outputs: SymbolicTensor; name?: string }): Model {
  return new Model(args);
}
