import { getActivation, type Activation, type ActivationName } from '../activations/activations.js';
import { Tensor } from '../tensor/tensor.js';
import { Layer, type BaseLayerArgs, type LayerConfig } from './base-layer.js';
import type { Shape } from './shape.js';

export interface ActivationArgs extends BaseLayerArgs {
  activation: string;
}

/** Applies an activation function on its own, like Keras' `layers.Activation`. */
export class ActivationLayer extends Layer {
  readonly className = 'Activation';
  readonly activation: Activation;
  private z: Float32Array = new Float32Array(0);
  private y: Float32Array = new Float32Array(0);

  constructor(args: ActivationArgs) {
    super(args, 'activation');
    this.activation = getActivation(args.activation);
  }

  computeShape(inputShape: Shape): Shape {
    return inputShape;
  }

  // z (batch, cols) → y (batch, cols)
  forward(x: Tensor, _training: boolean): Tensor {
    const y = this.scratch('y', x.size);
    this.activation.forward(x.data, y, x.rows, x.cols);
    this.z = x.data;
    this.y = y;
    return new Tensor(y, x.shape);
  }

  backward(dy: Tensor): Tensor | null {
    if (!this.needsInputGradient) return null;
    const dz = this.scratch('dz', dy.size);
    this.activation.backward(this.z, this.y, dy.data, dz, dy.rows, dy.cols);
    return new Tensor(dz, dy.shape);
  }

  /** Backward when the model fuses this activation with the loss: dz passes through. */
  backwardFromPreActivation(dz: Tensor): Tensor | null {
    return this.needsInputGradient ? dz : null;
  }

  get outputActivation(): ActivationName {
    return this.activation.name;
  }

  getConfig(): LayerConfig {
    return { className: this.className, config: { ...this.getBaseConfig(), activation: this.activation.name } };
  }
}
