import type { ActivationName } from '../../activations/activations.js';
import { FLOAT, type OnnxGraph } from './onnx-graph.js';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * Adds nnkit's activation `name` applied to `x` (batch, cols); returns the result's name. Every
 * activation nnkit has is written with ONNX operators that compute the same function (see the
 * table in activations.ts): each NOTE gives the nnkit definition matched.
 */
export function activationToOnnx(graph: OnnxGraph, name: ActivationName, x: string): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return graph.node('Relu', [x]);
    case 'sigmoid':
      return graph.node('Sigmoid', [x]);
    case 'tanh':
      return graph.node('Tanh', [x]);
    case 'softmax':
      return graph.node('Softmax', [x], { axis: { int: -1 } });
    case 'leaky_relu':
      // NOTE: nnkit (as Keras 3's function) uses slope 0.2; ONNX's default alpha is 0.01.
      return graph.node('LeakyRelu', [x], { alpha: 0.2 });
    case 'elu':
      return graph.node('Elu', [x], { alpha: 1 });
    case 'selu':
      return graph.node('Selu', [x], { alpha: SELU_ALPHA, gamma: SELU_SCALE });
    case 'softplus':
      return graph.node('Softplus', [x]);
    case 'softsign':
      return graph.node('Softsign', [x]);
    case 'hard_sigmoid':
      // NOTE: Keras 3's hard_sigmoid (nnkit's) is clip(x / 6 + 0.5, 0, 1), not Keras 2's slope 0.2.
      return graph.node('HardSigmoid', [x], { alpha: 1 / 6, beta: 0.5 });
    case 'swish':
      return graph.node('Mul', [x, graph.node('Sigmoid', [x])]);
    case 'gelu': {
      // NOTE: nnkit's gelu is the exact erf form 0.5·x·(1 + erf(x / √2)), not the tanh approximation.
      const scaled = graph.node('Mul', [x, scalar(graph, 'inv_sqrt2', Math.SQRT1_2)]);
      const onePlus = graph.node('Add', [graph.node('Erf', [scaled]), scalar(graph, 'one', 1)]);
      return graph.node('Mul', [graph.node('Mul', [x, onePlus]), scalar(graph, 'half', 0.5)]);
    }
  }
}

function scalar(graph: OnnxGraph, hint: string, value: number): string {
  return graph.constant(hint, FLOAT, [value], []);
}
