import { ConfigError, show } from '../errors.js';
import { ActivationLayer, type ActivationArgs } from './activation-layer.js';
import { Add } from './add.js';
import type { BaseLayer, BaseLayerArgs, LayerConfig } from './base-layer.js';
import { BatchNormalization, type BatchNormalizationArgs } from './batch-normalization.js';
import { Concatenate } from './concatenate.js';
import { Dense, type DenseArgs } from './dense.js';
import { Dropout, type DropoutArgs } from './dropout.js';
import { InputLayer, type InputArgs } from './input-layer.js';
import { Normalization, type NormalizationArgs } from './normalization.js';

/** Factories for the public `nn.layers` namespace, named as in Keras but camelCase. */
export const layers = {
  dense: (args: DenseArgs) => new Dense(args),
  dropout: (args: DropoutArgs) => new Dropout(args),
  activation: (args: ActivationArgs) => new ActivationLayer(args),
  batchNormalization: (args: BatchNormalizationArgs = {}) => new BatchNormalization(args),
  normalization: (args: NormalizationArgs = {}) => new Normalization(args),
  add: (args: BaseLayerArgs = {}) => new Add(args),
  concatenate: (args: BaseLayerArgs = {}) => new Concatenate(args),
};

// NOTE: the registry maps a saved class name to a constructor taking the saved options, so
// loading a model never evaluates anything from the file.
const registry: Record<string, (config: Record<string, unknown>) => BaseLayer> = {
  Dense: (c) => new Dense(c as unknown as DenseArgs),
  Dropout: (c) => new Dropout(c as unknown as DropoutArgs),
  Activation: (c) => new ActivationLayer(c as unknown as ActivationArgs),
  BatchNormalization: (c) => new BatchNormalization(c as BatchNormalizationArgs),
  Normalization: (c) => new Normalization(c as NormalizationArgs),
  Add: (c) => new Add(c as BaseLayerArgs),
  Concatenate: (c) => new Concatenate(c as BaseLayerArgs),
  InputLayer: (c) => new InputLayer(c as unknown as InputArgs),
};

/** Recreates a layer from `getConfig()` output. */
export function layerFromConfig(config: LayerConfig): BaseLayer {
  const make = Object.prototype.hasOwnProperty.call(registry, config.className) ? registry[config.className] : undefined;
  if (make === undefined) {
    throw new ConfigError(
      'config/unknown-layer',
      `Unknown layer class ${show(config.className)}; known layers: ${Object.keys(registry).join(', ')}.`,
    );
  }
  const { axis: _axis, ...rest } = config.config as Record<string, unknown>;
  return make(rest);
}
