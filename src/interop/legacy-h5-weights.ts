import { FormatError } from '../errors.js';
import type { Hdf5Reader } from './hdf5-reader.js';
import type { KerasWeights, WeightArray } from './keras-graph.js';

/**
 * The weights of a legacy Keras HDF5 file (Keras 2, tf.keras, and Keras 3's `.h5`), under `root`:
 * `model_weights` in a whole-model file, the root in a `save_weights` file. The group lists its
 * layers in `layer_names`, each layer its weights in `weight_names` (`dense_1/kernel:0`,
 * `sequential/dense/kernel`), paths relative to the layer's group.
 */
export function legacyH5Weights(h5: Hdf5Reader, root: string): KerasWeights {
  const names = h5.attr(root, 'layer_names');
  if (!Array.isArray(names)) {
    throw new FormatError('format/invalid', `${h5.file}: ${root || 'the root group'} has no layer_names attribute, so it holds no Keras weights.`, h5.file);
  }
  const weights = new Map<string, Map<string, WeightArray>>();
  for (const layer of names as string[]) {
    const group = root === '' ? layer : `${root}/${layer}`;
    const weightNames = h5.attr(group, 'weight_names');
    const arrays = new Map<string, WeightArray>();
    for (const name of Array.isArray(weightNames) ? (weightNames as string[]) : []) {
      arrays.set(shortWeightName(name), h5.floats(`${group}/${name}`));
    }
    weights.set(layer, arrays);
  }
  return weights;
}

/** `dense_1/kernel:0` → `kernel`. */
export function shortWeightName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).replace(/:\d+$/, '');
}
