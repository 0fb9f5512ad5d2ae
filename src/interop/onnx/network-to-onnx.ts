import { ConfigError } from '../../errors.js';
import { ActivationLayer } from '../../layers/activation-layer.js';
import { Add } from '../../layers/add.js';
import type { BaseLayer } from '../../layers/base-layer.js';
import { BatchNormalization } from '../../layers/batch-normalization.js';
import { Concatenate } from '../../layers/concatenate.js';
import { Dense } from '../../layers/dense.js';
import { Dropout } from '../../layers/dropout.js';
import { Normalization } from '../../layers/normalization.js';
import type { Model } from '../../model/model.js';
import { activationToOnnx } from './activation-to-onnx.js';
import { FLOAT, type OnnxGraph } from './onnx-graph.js';

/** The layers written to ONNX, for error messages. */
export const ONNX_LAYERS = ['InputLayer', 'Dense', 'Activation', 'BatchNormalization', 'Normalization', 'Dropout', 'Add', 'Concatenate'];

/**
 * Adds the model's layers at inference to `graph`, reading `input` (batch, features); returns the
 * name of the output (batch, units), what `model.predict` gives. Dense is Gemm (MatMul without a
 * bias), BatchNormalization uses the moving statistics with the layer's own epsilon (Keras' 1e-3
 * by default, where ONNX's default is 1e-5), Normalization is Sub then Div by its float32 standard
 * deviation (Mul then Add when inverted), Dropout is left out (inference), Add is Add (Sum for
 * three inputs or more), Concatenate is Concat on the last axis.
 */
export function networkToOnnx(graph: OnnxGraph, model: Model, input: string): string {
  const modelGraph = model.modelGraph;
  const rank = modelGraph.input.shape.length;
  if (rank !== 2) {
    throw new ConfigError(
      'config/onnx-input-rank',
      `ONNX export takes models whose input is (batch, features), but model "${model.name}" takes ` +
        `rank-${rank} inputs ${JSON.stringify(modelGraph.input.shape)}; flatten the features into one axis.`,
    );
  }
  const values: string[] = [];
  values[0] = input;
  for (const node of modelGraph.nodes) {
    const inputs = node.inputSlots.map((slot) => values[slot]);
    values[node.outputSlot] = layerToOnnx(graph, node.layer, inputs);
  }
  return values[values.length - 1];
}

function layerToOnnx(graph: OnnxGraph, layer: BaseLayer, inputs: string[]): string {
  const prefix = layer.name.replace(/[^A-Za-z0-9_]/g, '_');
  if (layer instanceof Dense) {
    const kernel = graph.constant(`${prefix}_kernel`, FLOAT, layer.kernel!.value, [layer.inputFeatures, layer.units]);
    const z = layer.bias
      ? graph.node('Gemm', [inputs[0], kernel, graph.constant(`${prefix}_bias`, FLOAT, layer.bias.value, [layer.units])])
      : graph.node('MatMul', [inputs[0], kernel]);
    return activationToOnnx(graph, layer.activation.name, z);
  }
  if (layer instanceof ActivationLayer) return activationToOnnx(graph, layer.activation.name, inputs[0]);
  if (layer instanceof Dropout) return inputs[0];
  if (layer instanceof BatchNormalization) {
    const f = layer.movingMean!.size;
    const gamma = layer.gamma ? layer.gamma.value : new Float32Array(f).fill(1);
    const beta = layer.beta ? layer.beta.value : new Float32Array(f);
    const parameters = [
      graph.constant(`${prefix}_gamma`, FLOAT, gamma, [f]),
      graph.constant(`${prefix}_beta`, FLOAT, beta, [f]),
      graph.constant(`${prefix}_moving_mean`, FLOAT, layer.movingMean!.value, [f]),
      graph.constant(`${prefix}_moving_variance`, FLOAT, layer.movingVariance!.value, [f]),
    ];
    // NOTE: epsilon written explicitly: ONNX's default (1e-5) is not Keras' (1e-3).
    return graph.node('BatchNormalization', [inputs[0], ...parameters], { epsilon: layer.epsilon });
  }
  if (layer instanceof Normalization) {
    const { mean, std } = layer.statistics();
    const f = mean.length;
    const meanName = graph.constant(`${prefix}_mean`, FLOAT, mean.slice(), [f]);
    const stdName = graph.constant(`${prefix}_std`, FLOAT, std.slice(), [f]);
    return layer.invert
      ? graph.node('Add', [graph.node('Mul', [inputs[0], stdName]), meanName])
      : graph.node('Div', [graph.node('Sub', [inputs[0], meanName]), stdName]);
  }
  if (layer instanceof Add) return graph.node(inputs.length === 2 ? 'Add' : 'Sum', inputs);
  if (layer instanceof Concatenate) return graph.node('Concat', inputs, { axis: { int: -1 } });
  throw new ConfigError(
    'config/onnx-unsupported-layer',
    `ONNX export cannot write layer "${layer.name}" of class ${layer.className}: no ONNX operator computes it as nnkit does. ` +
      `Layers that export: ${ONNX_LAYERS.join(', ')}.`,
  );
}
