import { activationName, getActivation, type Activation, type ActivationName } from '../activations/activations.js';
import { ConfigError, show } from '../errors.js';
import { initializerConfig, type InitializerConfig, type InitializerLike } from '../initializers/initializers.js';
import { kernels } from '../kernels/backend.js';
import type { DenseStep, KernelActivation } from '../kernels/kernels.js';
import { regularizerConfig, type RegularizerConfig, type RegularizerLike } from '../regularizers/regularizers.js';
import { Tensor } from '../tensor/tensor.js';
import { Layer, type BaseLayerArgs, type LayerConfig } from './base-layer.js';
import { checkFeatures } from './check-features.js';
import type { Shape } from './shape.js';
import type { Variable } from './variable.js';

export interface DenseArgs extends BaseLayerArgs {
  units: number;
  activation?: string;
  useBias?: boolean;
  kernelInitializer?: InitializerLike;
  biasInitializer?: InitializerLike;
  kernelRegularizer?: RegularizerLike;
  biasRegularizer?: RegularizerLike;
}

/** A fully connected layer: y = activation(x · kernel + bias). */
export class Dense extends Layer {
  readonly className = 'Dense';
  readonly units: number;
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerConfig;
  readonly biasInitializer: InitializerConfig;
  readonly kernelRegularizer: RegularizerConfig | undefined;
  readonly biasRegularizer: RegularizerConfig | undefined;
  kernel: Variable | undefined;
  bias: Variable | undefined;
  private inDim = 0;
  // Saved by forward for backward.
  private x: Tensor | undefined;
  private z: Float32Array = new Float32Array(0);
  private y: Float32Array = new Float32Array(0);

  constructor(args: DenseArgs) {
    super(args, 'dense');
    if (!Number.isInteger(args.units) || args.units <= 0) {
      throw new ConfigError('config/units', `Dense "${this.name}": units should be a positive integer but got ${show(args.units)}.`);
    }
    this.units = args.units;
    this.activation = getActivation(args.activation);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = initializerConfig(args.kernelInitializer ?? 'glorot_uniform');
    this.biasInitializer = initializerConfig(args.biasInitializer ?? 'zeros');
    this.kernelRegularizer = args.kernelRegularizer === undefined ? undefined : regularizerConfig(args.kernelRegularizer);
    this.biasRegularizer = args.biasRegularizer === undefined ? undefined : regularizerConfig(args.biasRegularizer);
  }

  build(inputShapes: Shape[]): void {
    this.inDim = inputShapes[0][inputShapes[0].length - 1] as number;
    this.kernel = this.addWeight('kernel', [this.inDim, this.units], this.kernelInitializer, { regularizer: this.kernelRegularizer });
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], this.biasInitializer, { regularizer: this.biasRegularizer });
    this.built = true;
  }

  computeShape(inputShape: Shape): Shape {
    return [...inputShape.slice(0, -1), this.units];
  }

  // x (batch, inDim) · kernel (inDim, units) + bias (units) → z; y = activation(z)
  forward(x: Tensor, _training: boolean): Tensor {
    checkFeatures(this, x, this.inDim);
    const rows = x.rows;
    const k = kernels().compute;
    const z = this.scratch('z', rows * this.units);
    k.matmul(x.data, this.kernel!.value, z, rows, this.inDim, this.units);
    let y = z;
    if (isKernelActivation(this.activation.name)) {
      // NOTE: bias and activation in one pass, in place; backward needs only y for these.
      k.biasActivation(z, this.bias ? this.bias.value : null, rows, this.units, this.activation.name);
    } else {
      if (this.bias) k.addBias(z, this.bias.value, rows, this.units);
      y = this.scratch('y', rows * this.units);
      this.activation.forward(z, y, rows, this.units);
    }
    this.x = x;
    this.z = z;
    this.y = y;
    return new Tensor(y, [rows, this.units]);
  }

  backward(dy: Tensor): Tensor | null {
    const rows = dy.rows;
    const name = this.activation.name;
    let dz = dy.data;
    if (name !== 'linear') {
      dz = this.scratch('dz', rows * this.units);
      if (isKernelActivation(name)) kernels().compute.activationBackward(dy.data, this.y, dz, rows * this.units, name);
      else this.activation.backward(this.z, this.y, dy.data, dz, rows, this.units);
    }
    return this.backwardFromPreActivation(new Tensor(dz, [rows, this.units]));
  }

  /**
   * Backward from the gradient with respect to z (before the activation). The model calls this
   * directly when it fuses the output activation with the loss (sigmoid + binary cross-entropy).
   */
  backwardFromPreActivation(dz: Tensor): Tensor | null {
    const rows = dz.rows;
    const k = kernels().compute;
    const x = this.x!;
    // dKernel = xᵀ (inDim, batch) · dz (batch, units)
    k.matmulTransA(x.data, dz.data, this.kernel!.grad, this.inDim, rows, this.units);
    if (this.bias) k.sumRows(dz.data, this.bias.grad, rows, this.units);
    if (!this.needsInputGradient) return null;
    // dx = dz (batch, units) · kernelᵀ (units, inDim)
    const dx = this.scratch('dx', rows * this.inDim);
    k.matmulTransB(dz.data, this.kernel!.value, dx, rows, this.units, this.inDim);
    return new Tensor(dx, [rows, this.inDim]);
  }

  /** Input features per row (known once built). */
  get inputFeatures(): number {
    return this.inDim;
  }

  /** Whether this layer can be a step of `kernels().compute.denseChain` (a fused activation). */
  get chainable(): boolean {
    return this.built && isKernelActivation(this.activation.name);
  }

  /**
   * This layer as one step of `kernels().compute.denseChain` over `rows` rows at inference,
   * writing its own scratch buffer; undefined when the kernels do not fuse its activation.
   */
  inferenceStep(rows: number): DenseStep | undefined {
    const activation = this.activation.name;
    if (!this.built || !isKernelActivation(activation)) return undefined;
    const bias = this.bias ? this.bias.value : null;
    const out = this.scratch('z', rows * this.units);
    return { w: this.kernel!.value, bias, out, n: this.units, activation };
  }

  /** The activation the model may fuse with its loss. */
  get outputActivation(): ActivationName {
    return this.activation.name;
  }

  getConfig(): LayerConfig {
    return {
      className: this.className,
      config: {
        ...this.getBaseConfig(),
        units: this.units,
        activation: activationName(this.activation.name),
        useBias: this.useBias,
        kernelInitializer: this.kernelInitializer,
        biasInitializer: this.biasInitializer,
        ...(this.kernelRegularizer ? { kernelRegularizer: this.kernelRegularizer } : {}),
        ...(this.biasRegularizer ? { biasRegularizer: this.biasRegularizer } : {}),
      },
    };
  }
}

/** Activations the kernels fuse with the bias (forward) and compute from the output (backward). */
function isKernelActivation(name: ActivationName): name is KernelActivation {
  return name === 'linear' || name === 'relu' || name === 'sigmoid' || name === 'tanh';
}
