import { ConfigError, show } from '../errors.js';
import { canonicalName } from '../utils/names.js';
import { BinaryCrossentropy } from './binary-crossentropy.js';
import { BinaryFocalCrossentropy } from './binary-focal-crossentropy.js';
import { CategoricalCrossentropy } from './categorical-crossentropy.js';
import { Hinge, MeanAbsoluteError, MeanSquaredError } from './elementwise-losses.js';
import type { Loss, LossConfig, LossName } from './loss.js';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

const constructors: Record<LossName, (config: LossConfig['config']) => Loss> = {
  binary_crossentropy: (c) => new BinaryCrossentropy(c),
  binary_focal_crossentropy: (c) => new BinaryFocalCrossentropy(c),
  categorical_crossentropy: (c) => new CategoricalCrossentropy(c),
  sparse_categorical_crossentropy: (c) => new SparseCategoricalCrossentropy(c),
  mean_squared_error: () => new MeanSquaredError(),
  mean_absolute_error: () => new MeanAbsoluteError(),
  hinge: () => new Hinge(),
};

const aliases: Record<string, LossName> = {
  binaryCrossentropy: 'binary_crossentropy', BinaryCrossentropy: 'binary_crossentropy',
  binaryFocalCrossentropy: 'binary_focal_crossentropy', BinaryFocalCrossentropy: 'binary_focal_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy', CategoricalCrossentropy: 'categorical_crossentropy',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  SparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  meanSquaredError: 'mean_squared_error', MeanSquaredError: 'mean_squared_error', mse: 'mean_squared_error',
  meanAbsoluteError: 'mean_absolute_error', MeanAbsoluteError: 'mean_absolute_error', mae: 'mean_absolute_error',
  Hinge: 'hinge',
};

export const lossNames = Object.keys(constructors) as LossName[];

/** Resolves a loss from a Keras name (snake_case or camelCase), a config, or a Loss. */
export function getLoss(identifier: string | LossConfig | Loss): Loss {
  if (typeof identifier === 'object' && identifier !== null && 'forward' in identifier) return identifier;
  const raw = typeof identifier === 'string' ? identifier : identifier?.className;
  const name = canonicalName(raw, constructors, aliases);
  if (name === undefined) {
    throw new ConfigError(
      'config/unknown-loss',
      `Unknown loss ${show(raw)}; expected one of ${lossNames.join(', ')} (camelCase such as binaryCrossentropy is accepted too).`,
    );
  }
  return constructors[name](typeof identifier === 'string' ? {} : identifier.config ?? {});
}

/** Factories for the public `nn.losses` namespace. */
export const losses = {
  binaryCrossentropy: (o: ConstructorParameters<typeof BinaryCrossentropy>[0] = {}) => new BinaryCrossentropy(o),
  binaryFocalCrossentropy: (o: ConstructorParameters<typeof BinaryFocalCrossentropy>[0] = {}) => new BinaryFocalCrossentropy(o),
  categoricalCrossentropy: (o: ConstructorParameters<typeof CategoricalCrossentropy>[0] = {}) => new CategoricalCrossentropy(o),
  sparseCategoricalCrossentropy: (o: ConstructorParameters<typeof SparseCategoricalCrossentropy>[0] = {}) => new SparseCategoricalCrossentropy(o),
  meanSquaredError: () => new MeanSquaredError(),
  meanAbsoluteError: () => new MeanAbsoluteError(),
  hinge: () => new Hinge(),
};
