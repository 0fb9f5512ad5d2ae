import { FormatError } from '../errors.js';
import type { Hdf5Reader } from './hdf5-reader.js';
import type { KerasGraph, KerasWeights, WeightArray } from './keras-graph.js';

/**
 * The weights in a `.keras` file's model.weights.h5. Keras 3 stores a layer's variables as
 * `layers/<snake_case(class)>[_k]/vars/<i>`, `k` counting that class in layer order (not the
 * layer's name); tf.keras 2.13–2.15 wrote `_layer_checkpoint_dependencies/<name>/vars/<i>`.
 * The variables are in the layer's own order, which names them.
 */
export function kerasV3Weights(h5: Hdf5Reader, graph: KerasGraph): KerasWeights {
  const weights = new Map<string, Map<string, WeightArray>>();
  const perClass = new Map<string, number>();
  const legacy = h5.isGroup('_layer_checkpoint_dependencies');
  for (const layer of graph.layers) {
    const snake = snakeCase(layer.className);
    const k = perClass.get(snake) ?? 0;
    perClass.set(snake, k + 1);
    const group = legacy ? `_layer_checkpoint_dependencies/${layer.name}/vars` : `layers/${k === 0 ? snake : `${snake}_${k}`}/vars`;
    const names = variableNames(layer.className, layer.config);
    const indices = h5.isGroup(group) ? h5.keys(group).map(Number).sort((a, b) => a - b) : [];
    if (indices.length !== names.length) {
      throw new FormatError(
        'format/invalid',
        `${h5.file}: ${layer.where}: expected ${names.length} variables (${names.join(', ') || 'none'}) at ${group} but found ${indices.length}.`,
        h5.file,
      );
    }
    weights.set(layer.name, new Map(names.map((name, i) => [name, h5.floats(`${group}/${indices[i]}`)])));
  }
  return weights;
}

function variableNames(className: string, config: Readonly<Record<string, unknown>>): string[] {
  if (className === 'Dense') return config.use_bias === false ? ['kernel'] : ['kernel', 'bias'];
  if (className === 'BatchNormalization') {
    return [...(config.scale === false ? [] : ['gamma']), ...(config.center === false ? [] : ['beta']), 'moving_mean', 'moving_variance'];
  }
  // NOTE: only an adapted Normalization has variables; given statistics live in its config.
  if (className === 'Normalization') return config.mean === null || config.mean === undefined ? ['mean', 'variance', 'count'] : [];
  return [];
}

/** Keras' `to_snake_case`: BatchNormalization → batch_normalization. */
export function snakeCase(name: string): string {
  return name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
