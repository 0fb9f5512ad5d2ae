import type { LayerConfig } from '../layers/base-layer.js';
import { activationFromKeras } from './keras-activations.js';
import { SUPPORTED_LAYERS, type KerasDialect, type KerasLayer } from './keras-graph.js';
import { unsupported } from './unsupported.js';

/**
 * The nnkit config of one Keras layer, with every option that changes what it computes checked:
 * an option nnkit cannot honour is an error naming the layer, never an approximation.
 * Initializers, regularizers and constraints shape training only and are not carried over.
 */
export function layerFromKeras(layer: KerasLayer, dialect: KerasDialect, file: string): LayerConfig {
  const c = layer.config;
  const fail = (message: string): never => unsupported(file, layer.where, message);
  const base = { name: layer.name, trainable: c.trainable !== false };
  switch (layer.className) {
    case 'Dense':
      if (!Number.isInteger(c.units) || (c.units as number) <= 0) fail(`units should be a positive integer, got ${JSON.stringify(c.units)}.`);
      return {
        className: 'Dense',
        config: {
          ...base,
          units: c.units as number,
          activation: activationFromKeras(c.activation, dialect, file, layer.where),
          useBias: c.use_bias !== false,
        },
      };
    case 'Activation':
      return { className: 'Activation', config: { ...base, activation: activationFromKeras(c.activation, dialect, file, layer.where) } };
    case 'Dropout':
      if (c.noise_shape !== undefined && c.noise_shape !== null) fail(`Dropout with a noise_shape (${JSON.stringify(c.noise_shape)}) is not supported.`);
      return { className: 'Dropout', config: { ...base, rate: Number(c.rate) } };
    case 'BatchNormalization':
      if (!lastAxis(c.axis)) fail(`BatchNormalization over axis ${JSON.stringify(c.axis)} is not supported; nnkit normalizes the last axis (-1).`);
      if (c.renorm === true) fail('BatchNormalization with renorm=true is not supported.');
      return {
        className: 'BatchNormalization',
        config: {
          ...base,
          momentum: (c.momentum as number | undefined) ?? 0.99,
          epsilon: (c.epsilon as number | undefined) ?? 1e-3,
          center: c.center !== false,
          scale: c.scale !== false,
        },
      };
    case 'Normalization': {
      // NOTE: axis null (Keras' axis=None, one mean for every value) is not the last axis either.
      if (!lastAxis(c.axis)) fail(`Normalization over axis ${JSON.stringify(c.axis)} is not supported; nnkit normalizes each feature (axis -1).`);
      const given = c.mean !== null && c.mean !== undefined;
      const flat = (v: unknown) => typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
      if (given && !(flat(c.mean) && flat(c.variance))) {
        fail(`Normalization's mean ${JSON.stringify(c.mean)} and variance ${JSON.stringify(c.variance)} should be numbers or lists of numbers, one per feature.`);
      }
      const statistics = given ? { mean: c.mean as number | number[], variance: c.variance as number | number[] } : {};
      return { className: 'Normalization', config: { ...base, ...statistics, invert: c.invert === true } };
    }
    case 'Add':
      return { className: 'Add', config: base };
    case 'Concatenate':
      if (!lastAxis(c.axis)) fail(`Concatenate along axis ${JSON.stringify(c.axis)} is not supported; nnkit concatenates features (axis -1).`);
      return { className: 'Concatenate', config: base };
    default:
      return fail(`nnkit cannot import the layer class ${layer.className}; supported: ${SUPPORTED_LAYERS}.`);
  }
}

// NOTE: inputs are (batch, features), so axis 1 is the last axis too; Keras 2 wrote [-1] or [1].
function lastAxis(axis: unknown): boolean {
  const a = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  return a === undefined || a === -1 || a === 1;
}
