import { ConfigError, ShapeError, show } from '../errors.js';
import { initialize, type InitializerLike } from '../initializers/initializers.js';
import type { RegularizerConfig } from '../regularizers/regularizers.js';
import { kernels } from '../kernels/backend.js';
import type { DenseStep } from '../kernels/kernels.js';
import { Tensor } from '../tensor/tensor.js';
import type { Shape } from './shape.js';
import { Variable } from './variable.js';

/** Options every layer accepts. */
export interface BaseLayerArgs {
  name?: string;
  trainable?: boolean;
  /** Feature shape without the batch dimension, for a Sequential model's first layer. */
  inputShape?: readonly number[];
}

/** A layer's serializable form: its registered class name and its options. */
export interface LayerConfig {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>> & { readonly name: string };
}

const nameCounts = new Map<string, number>();

/** Keras' automatic names: dense, dense_1, dense_2, ... */
export function uniqueName(prefix: string): string {
  const count = nameCounts.get(prefix) ?? 0;
  nameCounts.set(prefix, count + 1);
  return count === 0 ? prefix : `${prefix}_${count}`;
}

/**
 * What every layer shares: a name, weights, lazy building from the first input shape, scratch
 * buffers reused across batches, and the graph plumbing. Single-input layers extend `Layer`,
 * merging layers extend `MergeLayer`; the model calls both through `call` / `callBackward`.
 */
export abstract class BaseLayer {
  abstract readonly className: string;
  readonly name: string;
  trainable: boolean;
  readonly inputShape: readonly number[] | undefined;
  readonly weights: Variable[] = [];
  built = false;
  /** Set by the model: false for layers fed directly by a model input (no dx needed). */
  needsInputGradient = true;
  /** Set when the layer is placed in a graph; a layer instance belongs to one place in one model. */
  inboundShapes: Shape[] | undefined;
  private readonly scratchBuffers = new Map<string, Float32Array>();

  constructor(args: BaseLayerArgs, defaultPrefix: string) {
    this.name = args.name ?? uniqueName(defaultPrefix);
    this.trainable = args.trainable ?? true;
    if (args.inputShape !== undefined) {
      if (!Array.isArray(args.inputShape) || args.inputShape.some((d) => !Number.isInteger(d) || d <= 0)) {
        throw new ConfigError(
          'config/input-shape',
          `Layer "${this.name}": inputShape should be an array of positive integers such as [30] but got ${show(args.inputShape)}.`,
        );
      }
      this.inputShape = [...args.inputShape];
    } else {
      this.inputShape = undefined;
    }
  }

  /** Creates the weights for inputs of `inputShapes` (called once, before the first forward). */
  build(_inputShapes: Shape[]): void {
    this.built = true;
  }

  abstract computeOutputShape(inputShapes: Shape[]): Shape;
  /** Runs the layer on a batch; keeps what backward needs. */
  abstract call(inputs: Tensor[], training: boolean): Tensor;
  /** Fills the weight gradients and returns the gradient for each input (null where not needed). */
  abstract callBackward(dy: Tensor): (Tensor | null)[];
  abstract getConfig(): LayerConfig;

  /**
   * Whether `inferenceStep` can run this layer: at inference the graph runs its leading chainable
   * layers (a matmul, a bias, a fused activation) as one `denseChain` kernel call.
   */
  get chainable(): boolean {
    return false;
  }

  /**
   * This layer as one `denseChain` step over `rows` rows at inference, writing its own scratch
   * buffer; undefined when it is not chainable.
   */
  inferenceStep(_rows: number): DenseStep | undefined {
    return undefined;
  }

  countParams(trainable?: boolean): number {
    return this.weights
      .filter((w) => trainable === undefined || (w.trainable && this.trainable) === trainable)
      .reduce((sum, w) => sum + w.size, 0);
  }

  protected addWeight(
    name: string,
    shape: readonly number[],
    initializer: InitializerLike,
    options: { trainable?: boolean; regularizer?: RegularizerConfig } = {},
  ): Variable {
    const variable = new Variable(`${this.name}/${name}`, shape, { trainable: options.trainable ?? true, regularizer: options.regularizer });
    initialize(initializer, shape, variable.value);
    this.weights.push(variable);
    return variable;
  }

  /**
   * A reusable buffer of exactly `size` floats in the kernels' memory; grows when a larger batch
   * arrives. The full buffer stays referenced here, as the wasm heap requires.
   */
  protected scratch(key: string, size: number): Float32Array {
    let buffer = this.scratchBuffers.get(key);
    if (buffer === undefined || buffer.length < size) {
      if (buffer !== undefined) kernels().memory.free(buffer);
      buffer = kernels().memory.alloc(size);
      this.scratchBuffers.set(key, buffer);
    }
    return buffer.length === size ? buffer : buffer.subarray(0, size);
  }

  /** Records this layer in a graph and builds it; returns the symbolic output. */
  protected connect(inputs: SymbolicTensor[]): SymbolicTensor {
    if (this.inboundShapes !== undefined) {
      throw new ConfigError(
        'config/layer-reused',
        `Layer "${this.name}" is already connected in a graph; nnkit does not share one layer's weights ` +
          'between several places. Create a new layer for each place it is used.',
      );
    }
    const shapes = inputs.map((t) => t.shape);
    const outputShape = this.computeOutputShape(shapes);
    if (!this.built) this.build(shapes);
    this.inboundShapes = shapes;
    return new SymbolicTensor(outputShape, this, inputs);
  }

  protected getBaseConfig(): { name: string; trainable: boolean; inputShape?: number[] } {
    return { name: this.name, trainable: this.trainable, ...(this.inputShape ? { inputShape: [...this.inputShape] } : {}) };
  }
}

let nextTensorId = 0;

/**
 * A placeholder for a tensor in a functional graph: which layer produced it from which inputs.
 * `nn.input({ shape })` makes the first one; `layer.apply(x)` makes the next. NOTE: it lives
 * beside BaseLayer because each names the other (a layer makes tensors, a tensor its layer).
 */
export class SymbolicTensor {
  readonly id: number;
  readonly shape: Shape;
  readonly layer: BaseLayer;
  readonly inputs: readonly SymbolicTensor[];

  constructor(shape: Shape, layer: BaseLayer, inputs: readonly SymbolicTensor[]) {
    this.id = nextTensorId++;
    this.shape = Object.freeze([...shape]);
    this.layer = layer;
    this.inputs = inputs;
  }
}

/** A layer with one input: subclasses write `forward` / `backward` on single tensors. */
export abstract class Layer extends BaseLayer {
  apply(input: SymbolicTensor): SymbolicTensor {
    if (!(input instanceof SymbolicTensor)) {
      throw new ConfigError(
        'config/apply-input',
        `Layer "${this.name}".apply() expects the output of nn.input() or of another layer's apply() but got ${show(input)}.`,
      );
    }
    return this.connect([input]);
  }

  abstract forward(x: Tensor, training: boolean): Tensor;
  /** Returns dx, or null when `needsInputGradient` is false. */
  abstract backward(dy: Tensor): Tensor | null;
  abstract computeShape(inputShape: Shape): Shape;

  computeOutputShape(inputShapes: Shape[]): Shape {
    if (inputShapes.length !== 1) {
      throw new ShapeError('shape/input-count', `Layer "${this.name}" takes one input but got ${inputShapes.length}.`);
    }
    return this.computeShape(inputShapes[0]);
  }

  call(inputs: Tensor[], training: boolean): Tensor {
    return this.forward(inputs[0], training);
  }

  callBackward(dy: Tensor): (Tensor | null)[] {
    return [this.backward(dy)];
  }
}
