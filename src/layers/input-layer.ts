import { ConfigError, show } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { BaseLayer, SymbolicTensor, type LayerConfig } from './base-layer.js';
import type { Shape } from './shape.js';

export interface InputArgs {
  shape: readonly number[];
  name?: string;
}

/** The entry point of a functional graph; it passes the model's input through. */
export class InputLayer extends BaseLayer {
  readonly className = 'InputLayer';
  readonly shape: readonly number[];
  readonly output: SymbolicTensor;

  constructor(args: InputArgs) {
    super({ name: args.name }, 'input_layer');
    if (!Array.isArray(args.shape) || args.shape.length === 0 || args.shape.some((d) => !Number.isInteger(d) || d <= 0)) {
      throw new ConfigError(
        'config/input-shape',
        `nn.input expects shape as an array of positive integers such as [30] but got ${show(args.shape)}.`,
      );
    }
    this.shape = [...args.shape];
    this.built = true;
    this.output = new SymbolicTensor([null, ...this.shape], this, []);
  }

  computeOutputShape(): Shape {
    return [null, ...this.shape];
  }

  call(inputs: Tensor[]): Tensor {
    return inputs[0];
  }

  callBackward(): (Tensor | null)[] {
    return [];
  }

  getConfig(): LayerConfig {
    return { className: this.className, config: { name: this.name, shape: [...this.shape] } };
  }
}

/** `nn.input({ shape: [30] })`: the symbolic input of a functional model. */
export function input(args: InputArgs): SymbolicTensor {
  return new InputLayer(args).output;
}
