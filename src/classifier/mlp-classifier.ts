import { ConfigError, show } from '../errors.js';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import type { Layer } from '../layers/base-layer.js';
import { Sequential } from '../model/sequential.js';

export interface MlpClassifierOptions {
  /** Input features per row (after preprocessing). */
  readonly features: number;
  /** Number of classes: 2 gives one sigmoid unit, more a softmax over the classes. */
  readonly classes: number;
  /** Units of each hidden relu layer, input side first. Default [32, 16]; [] for none. */
  readonly hidden?: readonly number[];
  /** Dropout rate after each hidden layer, in [0, 1); 0 adds no dropout layer. Default 0.2. */
  readonly dropout?: number;
  readonly name?: string;
}

export interface MlpClassifier {
  readonly model: Sequential;
  /** The loss that matches the output: binary or sparse categorical cross-entropy. */
  readonly loss: 'binary_crossentropy' | 'sparse_categorical_crossentropy';
}

/**
 * The small multilayer perceptron that does well on typical tables: relu hidden layers, each
 * followed by dropout, and a sigmoid unit (two classes) or a softmax (more), with the matching
 * loss for class-index labels. The model is built for `features` inputs.
 */
export function mlpClassifier(options: MlpClassifierOptions): MlpClassifier {
  const { features, classes } = options;
  const hidden = options.hidden ?? [32, 16];
  const dropout = options.dropout ?? 0.2;
  if (!Number.isInteger(features) || features < 1) {
    throw new ConfigError('config/features', `mlpClassifier: features must be a positive integer but is ${show(features)}.`);
  }
  if (!Number.isInteger(classes) || classes < 2) {
    throw new ConfigError('config/classes', `mlpClassifier: classes must be an integer of 2 or more but is ${show(classes)}.`);
  }
  if (!(dropout >= 0 && dropout < 1)) {
    throw new ConfigError('config/dropout-rate', `mlpClassifier: dropout must be in [0, 1) but is ${show(dropout)}.`);
  }
  const layers: Layer[] = [];
  hidden.forEach((units, index) => {
    layers.push(new Dense({ units, activation: 'relu', name: `hidden_${index + 1}`, ...(index === 0 ? { inputShape: [features] } : {}) }));
    if (dropout > 0) layers.push(new Dropout({ rate: dropout, name: `dropout_${index + 1}` }));
  });
  const binary = classes === 2;
  layers.push(
    new Dense({
      units: binary ? 1 : classes,
      activation: binary ? 'sigmoid' : 'softmax',
      name: 'output',
      ...(hidden.length === 0 ? { inputShape: [features] } : {}),
    }),
  );
  const model = new Sequential(layers, { name: options.name ?? 'mlp_classifier' });
  model.build([features]);
  return { model, loss: binary ? 'binary_crossentropy' : 'sparse_categorical_crossentropy' };
}
