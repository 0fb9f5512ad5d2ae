/**
 * Which Keras a file speaks: `keras2` (Keras 2, tf.keras, TensorFlow.js layers files) or `keras3`.
 * They differ where it matters for predictions: Keras 2's hard_sigmoid is 0.2·x + 0.5 clipped,
 * Keras 3's (and nnkit's) is x / 6 + 0.5 clipped, and only Keras 3 has a leaky_relu activation.
 */
export type KerasDialect = 'keras2' | 'keras3';

/** One layer of a Keras model as its file describes it (any InputLayer excepted). */
export interface KerasLayer {
  readonly className: string;
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** The names of the layers feeding it. */
  readonly inbound: readonly string[];
  /** Where it is in the file, for errors: `layers[2] (Dense "dense_1")`. */
  readonly where: string;
}

/** A Keras model's architecture, read from any of the formats, before nnkit builds it. */
export interface KerasGraph {
  readonly name: string;
  readonly className: 'Sequential' | 'Functional';
  readonly dialect: KerasDialect;
  readonly input: { readonly name: string; readonly shape: readonly number[] };
  readonly layers: readonly KerasLayer[];
  readonly output: string;
}

/** One weight array and its shape. */
export interface WeightArray {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * A file's weights, by layer name then by the weight's Keras name (`kernel`, `bias`, `gamma`,
 * `beta`, `moving_mean`, `moving_variance`).
 */
export type KerasWeights = ReadonlyMap<string, ReadonlyMap<string, WeightArray>>;

/** The Keras layer classes nnkit imports and exports, for error messages. */
export const SUPPORTED_LAYERS = 'InputLayer, Dense, Activation, Dropout, BatchNormalization, Normalization, Add, Concatenate';
