import { zipSync } from 'fflate';
import type { Model } from '../model/model.js';
import type { ExportedModel } from './exported-model.js';
import { exportedLayers, type ExportedLayer } from './exported-layers.js';
import { hdf5Writer, type Hdf5Plan } from './hdf5-writer.js';
import { snakeCase } from './keras-v3-weights.js';

/** The Keras 3 layout this writer follows (saving_lib of Keras 3.5 to 3.10). */
const KERAS_VERSION = '3.5.0';

/**
 * A Keras 3 `.keras` file laid out as Keras 3 writes it: a zip of stored entries holding
 * `metadata.json`, `config.json` (module / class_name / config / registered_name, DTypePolicy
 * dtypes, `batch_shape`, `build_config`, Keras 3 `inbound_nodes`) and `model.weights.h5` with
 * each layer's variables at `layers/<snake_case(class)>[_k]/vars/<i>`, `k` counting the class in
 * layer order. Written without Keras: checked against real `.keras` files' structure and by
 * importing it back.
 */
export async function exportKeras(model: Model): Promise<ExportedModel> {
  const layers = exportedLayers(model, 'keras3', 'Keras .keras format');
  const sequential = model.className === 'Sequential';
  const inputShape = [...model.modelGraph.input.shape];
  const entry = (l: ExportedLayer) => ({
    module: 'keras.layers',
    class_name: l.className,
    config: l.config,
    registered_name: null,
    ...(l.inbound.length === 0 ? {} : { build_config: { input_shape: l.inbound.length === 1 ? l.inbound[0].shape : l.inbound.map((t) => t.shape) } }),
    ...(sequential ? {} : { name: l.layer.name, inbound_nodes: inboundNodes(l) }),
  });
  const output = model.modelGraph.output.layer.name;
  const dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
  const config = {
    module: 'keras',
    class_name: sequential ? 'Sequential' : 'Functional',
    config: {
      name: model.name,
      trainable: true,
      ...(sequential
        ? { dtype, layers: layers.map(entry), build_input_shape: inputShape }
        : { layers: layers.map(entry), input_layers: [[layers[0].layer.name, 0, 0]], output_layers: [[output, 0, 0]] }),
    },
    registered_name: null,
    build_config: { input_shape: inputShape },
  };
  const plan = weightsPlan(sequential ? layers.slice(1) : layers);
  const weights = await hdf5Writer('Exporting to .keras')(plan);
  const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const bytes = zipSync(
    {
      'metadata.json': text({ keras_version: KERAS_VERSION, date_saved: dateSaved(new Date()) }),
      'config.json': text(config),
      'model.weights.h5': weights,
    },
    { level: 0 },
  );
  return { format: 'keras', layout: 'file', files: new Map([[`${model.name}.keras`, bytes]]) };
}

/** Keras 3's node form: `{args: [tensor | [tensors]], kwargs: {}}` with `keras_history`. */
function inboundNodes(l: ExportedLayer): unknown[] {
  if (l.inbound.length === 0) return [];
  const tensors = l.inbound.map((t) => ({ class_name: '__keras_tensor__', config: { shape: t.shape, dtype: 'float32', keras_history: [t.name, 0, 0] } }));
  return [{ args: l.inbound.length === 1 ? tensors : [tensors], kwargs: {} }];
}

function weightsPlan(layers: readonly ExportedLayer[]): Hdf5Plan {
  const groups = ['layers', 'vars'];
  const datasets: Hdf5Plan['datasets'][number][] = [];
  const perClass = new Map<string, number>();
  for (const l of layers) {
    const snake = snakeCase(l.className);
    const k = perClass.get(snake) ?? 0;
    perClass.set(snake, k + 1);
    const group = `layers/${k === 0 ? snake : `${snake}_${k}`}`;
    groups.push(group, `${group}/vars`);
    // NOTE: nnkit creates weights in Keras' order (kernel, bias; gamma, beta, moving_mean,
    // moving_variance; mean, variance, count, the last an int64 in Keras).
    l.layer.weights.forEach((v, i) => {
      const int64 = l.className === 'Normalization' && v.name.endsWith('/count');
      datasets.push({ path: `${group}/vars/${i}`, shape: v.shape, data: v.value, ...(int64 ? { dtype: 'int64' as const } : {}) });
    });
  }
  return { groups, datasets };
}

function dateSaved(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', '@');
}
