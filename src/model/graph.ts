import { ConfigError } from '../errors.js';
import type { BaseLayer, SymbolicTensor } from '../layers/base-layer.js';
import { InputLayer } from '../layers/input-layer.js';
import { kernels } from '../kernels/backend.js';
import { Tensor } from '../tensor/tensor.js';

/** One layer call in a graph: which tensor slots it reads and which it writes. */
export interface GraphNode {
  readonly layer: BaseLayer;
  /** The symbolic tensor this call produces (its shape and the tensors it reads). */
  readonly tensor: SymbolicTensor;
  readonly inputSlots: readonly number[];
  readonly outputSlot: number;
}

/** A layer that can take the gradient with respect to its pre-activation (for fused losses). */
interface FusableLayer {
  backwardFromPreActivation(dz: Tensor): Tensor | null;
}

export function isFusable(layer: BaseLayer): layer is BaseLayer & FusableLayer & { outputActivation: string } {
  return 'backwardFromPreActivation' in layer && 'outputActivation' in layer;
}

/**
 * A functional graph, topologically sorted from one input to one output, run forward and
 * backward over real tensors. Gradients of a tensor read by several layers are summed.
 */
export class Graph {
  readonly input: SymbolicTensor;
  readonly output: SymbolicTensor;
  readonly nodes: readonly GraphNode[];
  /** Every layer but the input, in execution order. */
  readonly layers: readonly BaseLayer[];
  private readonly slotCount: number;
  private readonly values: (Tensor | undefined)[];
  private readonly gradients: (Tensor | undefined)[];
  /** Leading chainable nodes that run as one `denseChain` at inference (found on first use). */
  private chain: readonly GraphNode[] | undefined;

  constructor(input: SymbolicTensor, output: SymbolicTensor) {
    if (!(input.layer instanceof InputLayer)) {
      throw new ConfigError('config/model-inputs', 'nn.model({ inputs }) expects the output of nn.input({ shape }).');
    }
    this.input = input;
    this.output = output;
    const order: SymbolicTensor[] = [];
    const state = new Map<number, 'visiting' | 'done'>();
    // NOTE: depth-first with an explicit stack, so a deep chain of layers (a loaded model.json
    // may declare thousands) cannot overflow the call stack.
    const stack: { tensor: SymbolicTensor; next: number }[] = [];
    const enter = (t: SymbolicTensor) => {
      if (t.layer instanceof InputLayer && t !== input) {
        throw new ConfigError(
          'config/model-inputs',
          `The outputs depend on input "${t.layer.name}", which is not the model's input; nnkit models take one input. ` +
            'Concatenate features into one input, or pass this input as `inputs`.',
        );
      }
      state.set(t.id, 'visiting');
      stack.push({ tensor: t, next: 0 });
    };
    enter(output);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.tensor.inputs.length) {
        const parent = top.tensor.inputs[top.next++];
        if (!state.has(parent.id)) enter(parent);
        continue;
      }
      stack.pop();
      state.set(top.tensor.id, 'done');
      order.push(top.tensor);
    }
    if (!order.includes(input)) {
      throw new ConfigError('config/model-inputs', "The model's outputs are not computed from its inputs; pass the tensor nn.input() returned.");
    }
    const slots = new Map<number, number>(order.map((t, i) => [t.id, i]));
    this.nodes = order
      .filter((t) => t !== input)
      .map((t) => ({ layer: t.layer, tensor: t, inputSlots: t.inputs.map((p) => slots.get(p.id)!), outputSlot: slots.get(t.id)! }));
    this.layers = this.nodes.map((n) => n.layer);
    for (const node of this.nodes) {
      node.layer.needsInputGradient = !node.inputSlots.every((s) => s === 0);
    }
    this.slotCount = order.length;
    this.values = new Array(this.slotCount);
    this.gradients = new Array(this.slotCount);
  }

  /** The layer that produces the output. */
  get outputLayer(): BaseLayer {
    return this.output.layer;
  }

  forward(x: Tensor, training: boolean): Tensor {
    this.values[0] = x;
    const first = training ? 0 : this.forwardDenseChain(x);
    for (let i = first; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      const inputs = node.inputSlots.map((s) => this.values[s]!);
      this.values[node.outputSlot] = node.layer.call(inputs, training);
    }
    return this.values[this.slotCount - 1]!;
  }

  /**
   * At inference, runs the leading layers that offer an `inferenceStep` (a matmul, a bias and an
   * activation the kernels fuse) as one `denseChain` call, which splits rows, not layers, across
   * threads: one hand-off per batch. Returns how many nodes it ran; 0 leaves everything to the
   * layers, which also report input shape errors. Bit-identical to running the layers one by one.
   */
  private forwardDenseChain(x: Tensor): number {
    const chain = (this.chain ??= this.findDenseChain());
    // NOTE: the chain's first layer reads the model input, so it was built for the input's width.
    const shape = this.input.shape;
    if (chain.length === 0 || x.rank !== 2 || x.cols !== shape[shape.length - 1]) return 0;
    const rows = x.rows;
    const steps = chain.map((node) => node.layer.inferenceStep(rows)!);
    kernels().compute.denseChain(x.data, rows, x.cols, steps);
    chain.forEach((node, i) => {
      this.values[node.outputSlot] = new Tensor(steps[i].out, [rows, steps[i].n]);
    });
    return chain.length;
  }

  private findDenseChain(): GraphNode[] {
    const chain: GraphNode[] = [];
    let previous = 0;
    for (const node of this.nodes) {
      const layer = node.layer;
      const chained = node.inputSlots.length === 1 && node.inputSlots[0] === previous;
      if (!chained || !layer.chainable) break;
      previous = node.outputSlot;
      chain.push(node);
    }
    return chain;
  }

  /**
   * Backpropagates `dOut`. With `fromPreActivation`, `dOut` is the gradient with respect to the
   * output layer's pre-activation (the loss fused with the output activation).
   */
  backward(dOut: Tensor, fromPreActivation: boolean): void {
    this.gradients.fill(undefined);
    this.gradients[this.slotCount - 1] = dOut;
    for (let n = this.nodes.length - 1; n >= 0; n--) {
      const node = this.nodes[n];
      const dy = this.gradients[node.outputSlot];
      if (dy === undefined) continue;
      const isOutput = node.outputSlot === this.slotCount - 1;
      const dxs = isOutput && fromPreActivation && isFusable(node.layer)
        ? [node.layer.backwardFromPreActivation(dy)]
        : node.layer.callBackward(dy);
      node.inputSlots.forEach((slot, k) => {
        const dx = dxs[k];
        if (dx === null || dx === undefined || slot === 0) return;
        const existing = this.gradients[slot];
        if (existing === undefined) {
          this.gradients[slot] = dx;
          return;
        }
        // NOTE: a tensor read by several layers gets the sum; a fresh array, because both
        // gradients may be scratch buffers that their layers reuse.
        const sum = new Float32Array(existing.data);
        for (let i = 0; i < sum.length; i++) sum[i] += dx.data[i];
        this.gradients[slot] = new Tensor(sum, existing.shape);
      });
    }
  }
}
