import type { LayerConfig } from '../layers/base-layer.js';
import { activationToKeras } from './keras-activations.js';
import { SUPPORTED_LAYERS, type KerasDialect } from './keras-graph.js';
import { unsupported } from './unsupported.js';

/** A Keras layer: its class and the `config` Keras' `from_config` reads. */
export interface KerasLayerConfig {
  readonly className: string;
  readonly config: Record<string, unknown>;
}

/**
 * The Keras config of one nnkit layer, in the dialect of the target (`keras2` for TF.js, whose
 * dtype is a string; `keras3`, whose dtype is a DTypePolicy and whose initializers carry their
 * module). Keras' default initializers are written (they matter only to retraining from
 * scratch); an option with no Keras equivalent is an error naming the layer.
 */
export function layerToKeras(layer: LayerConfig, dialect: KerasDialect, format: string, where: string): KerasLayerConfig {
  const c = layer.config as Record<string, unknown>;
  const k3 = dialect === 'keras3';
  const initializer = (className: string): Record<string, unknown> => {
    const config = className === 'GlorotUniform' ? { seed: null } : {};
    return k3 ? { module: 'keras.initializers', class_name: className, config, registered_name: null } : { class_name: className, config };
  };
  const dtype = k3 ? { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null } : 'float32';
  const base = { name: c.name, trainable: c.trainable !== false, dtype };
  const regularizers = (names: string[]) => Object.fromEntries(names.map((n) => [n, null]));
  if ((c.kernelRegularizer ?? c.biasRegularizer) !== undefined) {
    unsupported(format, where, 'kernel / bias regularizers are not exported (nnkit writes them in its own form); remove them before exporting.');
  }
  switch (layer.className) {
    case 'Dense':
      return {
        className: 'Dense',
        config: {
          ...base,
          units: c.units,
          activation: activationToKeras(String(c.activation), dialect, format, where),
          use_bias: c.useBias !== false,
          kernel_initializer: initializer('GlorotUniform'),
          bias_initializer: initializer('Zeros'),
          ...regularizers(['kernel_regularizer', 'bias_regularizer', ...(k3 ? [] : ['activity_regularizer']), 'kernel_constraint', 'bias_constraint']),
        },
      };
    case 'Activation':
      return { className: 'Activation', config: { ...base, activation: activationToKeras(String(c.activation), dialect, format, where) } };
    case 'Dropout':
      return { className: 'Dropout', config: { ...base, rate: c.rate, noise_shape: null, seed: null } };
    case 'BatchNormalization':
      return {
        className: 'BatchNormalization',
        config: {
          ...base,
          axis: -1,
          momentum: c.momentum,
          epsilon: c.epsilon,
          center: c.center !== false,
          scale: c.scale !== false,
          beta_initializer: initializer('Zeros'),
          gamma_initializer: initializer('Ones'),
          moving_mean_initializer: initializer('Zeros'),
          moving_variance_initializer: initializer('Ones'),
          ...regularizers(['beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint']),
        },
      };
    case 'Normalization':
      // NOTE: tfjs-layers (4.22) has no Normalization class, so TF.js could not load the file.
      if (!k3) unsupported(format, where, 'TensorFlow.js has no Normalization layer (tfjs-layers 4.22), so it could not load the model; export to keras or onnx, or normalize the inputs before the model.');
      return {
        className: 'Normalization',
        config: { ...base, axis: [-1], invert: c.invert === true, mean: c.mean ?? null, variance: c.variance ?? null },
      };
    case 'Add':
      return { className: 'Add', config: base };
    case 'Concatenate':
      return { className: 'Concatenate', config: { ...base, axis: -1 } };
    default:
      return unsupported(format, where, `the layer class ${layer.className} cannot be exported; supported: ${SUPPORTED_LAYERS}.`);
  }
}
