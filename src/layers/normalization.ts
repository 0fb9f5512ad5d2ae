import { ConfigError, show } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';
import { Layer, type BaseLayerArgs, type LayerConfig } from './base-layer.js';
import { checkFeatures } from './check-features.js';
import type { Shape } from './shape.js';
import type { Variable } from './variable.js';

export interface NormalizationArgs extends BaseLayerArgs {
  /** Per-feature mean (or one number for every feature); give it with `variance`. */
  mean?: number | readonly number[];
  /** Per-feature variance (or one number), each ≥ 0; give it with `mean`. */
  variance?: number | readonly number[];
  /** The kept axis: the features, -1 (or 1, the same axis for rows of features). */
  axis?: number | readonly number[];
  /** De-normalize instead: x · std + mean. */
  invert?: boolean;
}

/** Keras' `backend.epsilon()`, the floor of the standard deviation, as a float32. */
const EPSILON = Math.fround(1e-7);

/**
 * Keras' `Normalization` preprocessing layer over the features: (x − mean) / max(√variance, 1e-7),
 * or x · max(√variance, 1e-7) + mean with `invert`. As in Keras, the statistics are either given
 * (`mean` and `variance` in the config; the layer then has no weights) or adapted (no `mean` in
 * the config; the layer holds the non-trainable weights mean, variance and count, which an
 * imported model fills from its file). It never learns: backward only scales dy by 1 / std.
 */
export class Normalization extends Layer {
  readonly className = 'Normalization';
  readonly invert: boolean;
  private readonly givenMean: number | readonly number[] | undefined;
  private readonly givenVariance: number | readonly number[] | undefined;
  mean: Variable | undefined;
  variance: Variable | undefined;
  count: Variable | undefined;
  private features = 0;
  private fixedMean: Float32Array = new Float32Array(0);
  private fixedVariance: Float32Array = new Float32Array(0);
  private std: Float32Array = new Float32Array(0);

  constructor(args: NormalizationArgs = {}) {
    super(args, 'normalization');
    const fail = (message: string): never => {
      throw new ConfigError('config/normalization', `Normalization "${this.name}": ${message}`);
    };
    const axis = Array.isArray(args.axis) && args.axis.length === 1 ? args.axis[0] : args.axis;
    if (axis !== undefined && axis !== -1 && axis !== 1) {
      fail(`axis should be -1 (the features of each row) but got ${show(args.axis)}; nnkit normalizes each feature.`);
    }
    if ((args.mean === undefined) !== (args.variance === undefined)) {
      fail(`give both mean and variance, or neither (adapted weights), but got mean=${show(args.mean)}, variance=${show(args.variance)}.`);
    }
    const values = (v: number | readonly number[]) => (typeof v === 'number' ? [v] : Array.isArray(v) ? v : [NaN]);
    if (args.mean !== undefined && values(args.mean).some((m) => typeof m !== 'number' || !Number.isFinite(m))) {
      fail(`mean should be a finite number or an array of them, one per feature, but got ${show(args.mean)}.`);
    }
    if (args.variance !== undefined && values(args.variance).some((v) => typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v))) {
      fail(`variance should be a number ≥ 0 or an array of them, one per feature, but got ${show(args.variance)}.`);
    }
    this.givenMean = typeof args.mean === 'number' ? args.mean : args.mean && [...args.mean];
    this.givenVariance = typeof args.variance === 'number' ? args.variance : args.variance && [...args.variance];
    this.invert = args.invert ?? false;
  }

  /** True when mean and variance come from the config, false when they are (adapted) weights. */
  get statisticsInConfig(): boolean {
    return this.givenMean !== undefined;
  }

  build(inputShapes: Shape[]): void {
    const f = inputShapes[0][inputShapes[0].length - 1] as number;
    this.features = f;
    if (this.givenMean !== undefined && this.givenVariance !== undefined) {
      this.fixedMean = this.broadcast('mean', this.givenMean);
      this.fixedVariance = this.broadcast('variance', this.givenVariance);
    } else {
      this.mean = this.addWeight('mean', [f], 'zeros', { trainable: false });
      this.variance = this.addWeight('variance', [f], 'ones', { trainable: false });
      this.count = this.addWeight('count', [], 'zeros', { trainable: false });
    }
    this.std = new Float32Array(f);
    this.built = true;
  }

  private broadcast(what: string, value: number | readonly number[]): Float32Array {
    if (typeof value === 'number') return new Float32Array(this.features).fill(value);
    if (value.length !== this.features) {
      throw new ConfigError(
        'config/normalization',
        `Normalization "${this.name}": ${what} has ${value.length} values but the input has ${this.features} features; give one per feature (or one number).`,
      );
    }
    return Float32Array.from(value);
  }

  computeShape(inputShape: Shape): Shape {
    return inputShape;
  }

  /** The per-feature mean and standard deviation max(√variance, 1e-7) the layer computes with. */
  statistics(): { mean: Float32Array; std: Float32Array } {
    const mean = this.mean ? this.mean.value : this.fixedMean;
    const variance = this.variance ? this.variance.value : this.fixedVariance;
    // NOTE: √ and max in float32, as Keras computes them (fround of a double sqrt is exact).
    for (let j = 0; j < this.features; j++) this.std[j] = Math.max(Math.fround(Math.sqrt(variance[j])), EPSILON);
    return { mean, std: this.std };
  }

  // x (batch, f) → (x − mean) / std, or x · std + mean when inverted
  forward(x: Tensor, _training: boolean): Tensor {
    checkFeatures(this, x, this.features);
    const f = this.features;
    const { mean, std } = this.statistics();
    const y = this.scratch('y', x.size);
    const data = x.data;
    for (let i = 0; i < data.length; i += f) {
      for (let j = 0; j < f; j++) {
        y[i + j] = this.invert ? Math.fround(data[i + j] * std[j]) + mean[j] : Math.fround(data[i + j] - mean[j]) / std[j];
      }
    }
    return new Tensor(y, x.shape);
  }

  backward(dy: Tensor): Tensor | null {
    if (!this.needsInputGradient) return null;
    const f = this.features;
    const std = this.std;
    const dx = this.scratch('dx', dy.size);
    const data = dy.data;
    for (let i = 0; i < data.length; i += f) {
      for (let j = 0; j < f; j++) dx[i + j] = this.invert ? data[i + j] * std[j] : data[i + j] / std[j];
    }
    return new Tensor(dx, dy.shape);
  }

  getConfig(): LayerConfig {
    const copy = (v: number | readonly number[]) => (typeof v === 'number' ? v : [...v]);
    return {
      className: this.className,
      config: {
        ...this.getBaseConfig(),
        ...(this.givenMean !== undefined && this.givenVariance !== undefined
          ? { mean: copy(this.givenMean), variance: copy(this.givenVariance) }
          : {}),
        invert: this.invert,
      },
    };
  }
}
