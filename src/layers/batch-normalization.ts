import { ConfigError, show } from '../errors.js';
import { initializerConfig, type InitializerConfig, type InitializerLike } from '../initializers/initializers.js';
import { Tensor } from '../tensor/tensor.js';
import { Layer, type BaseLayerArgs, type LayerConfig } from './base-layer.js';
import { checkFeatures } from './check-features.js';
import type { Shape } from './shape.js';
import type { Variable } from './variable.js';

export interface BatchNormalizationArgs extends BaseLayerArgs {
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: InitializerLike;
  gammaInitializer?: InitializerLike;
  movingMeanInitializer?: InitializerLike;
  movingVarianceInitializer?: InitializerLike;
}

/**
 * Batch normalization over the last axis with Keras' defaults (momentum 0.99, epsilon 1e-3).
 * Training normalizes with the batch mean and (biased) variance and updates the moving
 * statistics; inference uses the moving statistics.
 */
export class BatchNormalization extends Layer {
  readonly className = 'BatchNormalization';
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly initializers: Record<'beta' | 'gamma' | 'movingMean' | 'movingVariance', InitializerConfig>;
  gamma: Variable | undefined;
  beta: Variable | undefined;
  movingMean: Variable | undefined;
  movingVariance: Variable | undefined;
  private features = 0;
  private xHat: Float32Array = new Float32Array(0);
  private invStd: Float64Array = new Float64Array(0);
  private trainingPass = false;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args, 'batch_normalization');
    this.momentum = args.momentum ?? 0.99;
    this.epsilon = args.epsilon ?? 1e-3;
    if (!(this.momentum >= 0 && this.momentum <= 1) || !(this.epsilon > 0)) {
      throw new ConfigError(
        'config/batch-normalization',
        `BatchNormalization "${this.name}": momentum must be in [0, 1] and epsilon > 0 but got ` +
          `momentum=${show(args.momentum)}, epsilon=${show(args.epsilon)}.`,
      );
    }
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.initializers = {
      beta: initializerConfig(args.betaInitializer ?? 'zeros'),
      gamma: initializerConfig(args.gammaInitializer ?? 'ones'),
      movingMean: initializerConfig(args.movingMeanInitializer ?? 'zeros'),
      movingVariance: initializerConfig(args.movingVarianceInitializer ?? 'ones'),
    };
  }

  build(inputShapes: Shape[]): void {
    this.features = inputShapes[0][inputShapes[0].length - 1] as number;
    const f = [this.features];
    if (this.scale) this.gamma = this.addWeight('gamma', f, this.initializers.gamma);
    if (this.center) this.beta = this.addWeight('beta', f, this.initializers.beta);
    this.movingMean = this.addWeight('moving_mean', f, this.initializers.movingMean, { trainable: false });
    this.movingVariance = this.addWeight('moving_variance', f, this.initializers.movingVariance, { trainable: false });
    this.invStd = new Float64Array(this.features);
    this.built = true;
  }

  computeShape(inputShape: Shape): Shape {
    return inputShape;
  }

  // x (batch, f) → gamma · (x − mean) / sqrt(var + eps) + beta
  forward(x: Tensor, trainingCall: boolean): Tensor {
    // NOTE: as in Keras 3, a frozen layer (trainable: false) always runs in inference mode: it
    // normalizes with the moving statistics and leaves them unchanged (the fine-tuning recipe).
    const training = trainingCall && this.trainable;
    checkFeatures(this, x, this.features);
    const rows = x.rows;
    const f = this.features;
    const y = this.scratch('y', rows * f);
    const xHat = this.scratch('xHat', rows * f);
    const mean = this.movingMean!.value;
    const variance = this.movingVariance!.value;
    this.trainingPass = training;
    for (let j = 0; j < f; j++) {
      let mu = mean[j];
      let v = variance[j];
      if (training) {
        let sum = 0;
        for (let i = 0; i < rows; i++) sum += x.data[i * f + j];
        mu = sum / rows;
        let sq = 0;
        for (let i = 0; i < rows; i++) sq += (x.data[i * f + j] - mu) ** 2;
        v = sq / rows;
        mean[j] = mean[j] * this.momentum + mu * (1 - this.momentum);
        variance[j] = variance[j] * this.momentum + v * (1 - this.momentum);
      }
      const inv = 1 / Math.sqrt(v + this.epsilon);
      this.invStd[j] = inv;
      const g = this.gamma ? this.gamma.value[j] : 1;
      const b = this.beta ? this.beta.value[j] : 0;
      for (let i = 0; i < rows; i++) {
        const h = (x.data[i * f + j] - mu) * inv;
        xHat[i * f + j] = h;
        y[i * f + j] = g * h + b;
      }
    }
    this.xHat = xHat;
    return new Tensor(y, x.shape);
  }

  backward(dy: Tensor): Tensor | null {
    const rows = dy.rows;
    const f = this.features;
    const dx = this.needsInputGradient ? this.scratch('dx', rows * f) : undefined;
    for (let j = 0; j < f; j++) {
      let sumDy = 0;
      let sumDyXHat = 0;
      for (let i = 0; i < rows; i++) {
        sumDy += dy.data[i * f + j];
        sumDyXHat += dy.data[i * f + j] * this.xHat[i * f + j];
      }
      if (this.gamma) this.gamma.grad[j] = sumDyXHat;
      if (this.beta) this.beta.grad[j] = sumDy;
      if (!dx) continue;
      const g = this.gamma ? this.gamma.value[j] : 1;
      const inv = this.invStd[j];
      for (let i = 0; i < rows; i++) {
        const index = i * f + j;
        // NOTE: in inference mode the statistics are constants, so dx is a plain scale.
        dx[index] = this.trainingPass
          ? (g * inv / rows) * (rows * dy.data[index] - sumDy - this.xHat[index] * sumDyXHat)
          : g * inv * dy.data[index];
      }
    }
    return dx ? new Tensor(dx, dy.shape) : null;
  }

  getConfig(): LayerConfig {
    return {
      className: this.className,
      config: {
        ...this.getBaseConfig(),
        momentum: this.momentum,
        epsilon: this.epsilon,
        center: this.center,
        scale: this.scale,
        betaInitializer: this.initializers.beta,
        gammaInitializer: this.initializers.gamma,
        movingMeanInitializer: this.initializers.movingMean,
        movingVarianceInitializer: this.initializers.movingVariance,
      },
    };
  }
}
