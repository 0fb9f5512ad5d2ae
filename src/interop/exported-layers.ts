import type { BaseLayer } from '../layers/base-layer.js';
import type { Model } from '../model/model.js';
import { StateError } from '../errors.js';
import type { KerasDialect } from './keras-graph.js';
import { layerToKeras, type KerasLayerConfig } from './layer-to-keras.js';

/** One layer of a model on its way out: the nnkit layer, its Keras config, its inputs. */
export interface ExportedLayer extends KerasLayerConfig {
  readonly layer: BaseLayer;
  readonly inbound: readonly { readonly name: string; readonly shape: readonly (number | null)[] }[];
}

/** A built model's layers in graph order (the InputLayer first), mapped to Keras configs. */
export function exportedLayers(model: Model, dialect: KerasDialect, format: string): ExportedLayer[] {
  if (!model.built) {
    throw new StateError('state/not-built', `Model "${model.name}" is not built, so it has no weights to export; fit or build it first.`);
  }
  const graph = model.modelGraph;
  const input = graph.input.layer;
  const shape = graph.input.shape;
  const inputLayer: ExportedLayer = {
    layer: input,
    className: 'InputLayer',
    config: { name: input.name, dtype: 'float32', sparse: false, ...(dialect === 'keras3' ? { batch_shape: [...shape] } : { batch_input_shape: [...shape] }) },
    inbound: [],
  };
  return [
    inputLayer,
    ...graph.nodes.map((node, i) => ({
      layer: node.layer,
      ...layerToKeras(node.layer.getConfig(), dialect, format, `layers[${i + 1}] (${node.layer.className} "${node.layer.name}")`),
      inbound: node.tensor.inputs.map((t) => ({ name: t.layer.name, shape: [...t.shape] })),
    })),
  ];
}
