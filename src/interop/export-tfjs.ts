import type { Model } from '../model/model.js';
import type { ExportedModel } from './exported-model.js';
import { exportedLayers } from './exported-layers.js';

const SHARD = 'group1-shard1of1.bin';

/**
 * A TensorFlow.js layers model (`model.json` + one weights shard) in the Keras-2 dialect that
 * TF.js 4.22's `tf.loadLayersModel` reads: `batch_input_shape`, string dtypes, inbound nodes as
 * `[[name, 0, 0, {}]]`, weights named `<layer>/<weight>`, little-endian float32.
 */
export function exportTfjs(model: Model): ExportedModel {
  const layers = exportedLayers(model, 'keras2', 'TF.js layers format');
  const sequential = model.className === 'Sequential';
  const entries = (sequential ? layers.slice(1) : layers).map((l, i) => {
    const config = sequential && i === 0 ? { ...l.config, batch_input_shape: layers[0].config.batch_input_shape } : l.config;
    return {
      class_name: l.className,
      config,
      ...(sequential ? {} : { name: l.layer.name, inbound_nodes: l.inbound.length === 0 ? [] : [l.inbound.map((t) => [t.name, 0, 0, {}])] }),
    };
  });
  const output = model.modelGraph.output.layer.name;
  const modelConfig = sequential
    ? { class_name: 'Sequential', config: { name: model.name, layers: entries } }
    : {
        class_name: 'Model',
        config: { name: model.name, layers: entries, input_layers: [[layers[0].layer.name, 0, 0]], output_layers: [[output, 0, 0]] },
      };
  const variables = layers.flatMap((l) => l.layer.weights);
  const bytes = new Uint8Array(variables.reduce((s, v) => s + v.value.length * 4, 0));
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const v of variables) {
    for (let i = 0; i < v.value.length; i++, offset += 4) view.setFloat32(offset, v.value[i], true);
  }
  const json = {
    format: 'layers-model',
    generatedBy: 'nnkit',
    convertedBy: null,
    modelTopology: { keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js', model_config: modelConfig },
    weightsManifest: [{ paths: [SHARD], weights: variables.map((v) => ({ name: v.name, shape: [...v.shape], dtype: 'float32' })) }],
  };
  return {
    format: 'tfjs',
    layout: 'folder',
    files: new Map([
      ['model.json', new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n')],
      [SHARD, bytes],
    ]),
  };
}
