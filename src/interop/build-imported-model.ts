import { FormatError } from '../errors.js';
import { Layer, type SymbolicTensor } from '../layers/base-layer.js';
import { MergeLayer } from '../layers/merge-layer.js';
import { InputLayer } from '../layers/input-layer.js';
import { layerFromConfig } from '../layers/registry.js';
import { Model } from '../model/model.js';
import { Sequential } from '../model/sequential.js';
import type { KerasGraph, KerasWeights } from './keras-graph.js';
import { layerFromKeras } from './layer-from-keras.js';
import { unsupported } from './unsupported.js';

/**
 * An nnkit model with the architecture and weights of a Keras one. Every weight the model has
 * must come from the file with the same shape, and every weight the file holds for a layer must
 * be used: a mismatch is an error, never a model left with initial weights.
 */
export function buildImportedModel(graph: KerasGraph, weights: KerasWeights, file: string): Model {
  const layers = graph.layers.map((l) => ({ keras: l, layer: layerFromConfig(layerFromKeras(l, graph.dialect, file)) }));
  let model: Model;
  if (graph.className === 'Sequential') {
    model = new Sequential(layers.map((l) => l.layer as Layer), { name: graph.name });
    (model as Sequential).build(graph.input.shape);
  } else {
    const input = new InputLayer({ name: graph.input.name, shape: graph.input.shape });
    const tensors = new Map<string, SymbolicTensor>([[input.name, input.output]]);
    for (const { keras, layer } of layers) {
      const inputs = keras.inbound.map((n) => tensors.get(n) ?? unsupported(file, keras.where, `its input "${n}" is not defined before it.`));
      if (layer instanceof MergeLayer) tensors.set(keras.name, layer.apply(inputs));
      else if (layer instanceof Layer && inputs.length === 1) tensors.set(keras.name, layer.apply(inputs[0]));
      else unsupported(file, keras.where, `${inputs.length} inputs for a layer that takes one.`);
    }
    const output = tensors.get(graph.output) ?? unsupported(file, 'output_layers', `the output "${graph.output}" is not a layer of the model.`);
    model = new Model({ inputs: input.output, outputs: output, name: graph.name });
  }
  for (const { keras, layer } of layers) {
    const saved = weights.get(keras.name) ?? new Map();
    const used = new Set<string>();
    for (const variable of layer.weights) {
      const short = variable.name.slice(variable.name.lastIndexOf('/') + 1);
      const array = saved.get(short);
      if (!array) throw invalid(file, `${keras.where}: the weight "${short}" is missing from the file`);
      if (array.shape.join(',') !== variable.shape.join(',')) {
        throw invalid(file, `${keras.where}: the weight "${short}" has shape [${array.shape.join(', ')}] but the layer needs [${variable.shape.join(', ')}]`);
      }
      variable.value.set(array.data);
      used.add(short);
    }
    const extra = [...saved.keys()].filter((k) => !used.has(k));
    if (extra.length > 0) throw invalid(file, `${keras.where}: the file holds weights the layer does not have (${extra.join(', ')})`);
  }
  return model;
}

function invalid(file: string, message: string): FormatError {
  return new FormatError('format/invalid', `${file}: ${message}; the weights do not match the architecture.`, file);
}
