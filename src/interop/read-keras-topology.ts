import type { KerasDialect, KerasGraph, KerasLayer } from './keras-graph.js';
import { unsupported } from './unsupported.js';
import { FormatError } from '../errors.js';

type Json = Record<string, unknown>;

/**
 * The architecture of a Keras model from its config (`{class_name, config}`, as in config.json,
 * an h5 file's `model_config` or TF.js' `modelTopology`): Sequential (also the old list form) or
 * functional (Keras 2 and Keras 3 `inbound_nodes`), with one input of shape (batch, features).
 */
export function readKerasTopology(raw: unknown, dialect: KerasDialect, file: string): KerasGraph {
  if (!isObject(raw) || typeof raw.class_name !== 'string') malformed(file, 'expected a model config {"class_name", "config"}');
  if (raw.class_name === 'Sequential') return sequential(raw.config, dialect, file);
  if (raw.class_name === 'Functional' || raw.class_name === 'Model') return functional(raw.config, dialect, file);
  return unsupported(file, 'the model', `a ${raw.class_name} model cannot be imported; nnkit imports Sequential and functional models.`);
}

/** Keras 3 when the file says so (keras_version 3.x) or writes Keras 3's fields. */
export function kerasDialect(version: unknown, config: unknown): KerasDialect {
  if (typeof version === 'string' && /^\d/.test(version)) return version.startsWith('3') ? 'keras3' : 'keras2';
  return /"batch_shape"|"module":\s*"keras/.test(JSON.stringify(config ?? null)) ? 'keras3' : 'keras2';
}

function sequential(config: unknown, dialect: KerasDialect, file: string): KerasGraph {
  const list = Array.isArray(config) ? config : isObject(config) && Array.isArray(config.layers) ? config.layers : malformed(file, 'a Sequential config without layers');
  const name = !Array.isArray(config) && isObject(config) && typeof config.name === 'string' ? config.name : 'sequential';
  let input: KerasGraph['input'] | undefined;
  const layers: KerasLayer[] = [];
  list.forEach((entry: unknown, i: number) => {
    const { className, layerConfig, layerName } = layerParts(entry, file, i);
    const where = `layers[${i}] (${className} "${layerName}")`;
    if (className === 'InputLayer') {
      if (input || layers.length > 0) unsupported(file, where, 'a second InputLayer; nnkit models have one input.');
      input = { name: layerName, shape: featureShape(layerConfig.batch_shape ?? layerConfig.batch_input_shape, file, where) };
      return;
    }
    if (!input) {
      const shape = layerConfig.batch_input_shape ?? layerConfig.batch_shape ?? (isObject(config) ? config.build_input_shape : undefined);
      if (shape === undefined) malformed(file, `${where}: the first layer declares no input shape`);
      input = { name: `${name}_input`, shape: featureShape(shape, file, where) };
    }
    const previous = layers.length === 0 ? input.name : layers[layers.length - 1].name;
    layers.push({ className, name: layerName, config: layerConfig, inbound: [previous], where });
  });
  if (!input || layers.length === 0) malformed(file, 'a Sequential model without layers');
  return { name, className: 'Sequential', dialect, input, layers, output: layers[layers.length - 1].name };
}

function functional(config: unknown, dialect: KerasDialect, file: string): KerasGraph {
  if (!isObject(config) || !Array.isArray(config.layers)) malformed(file, 'a functional config without layers');
  const inputs = endpoints(config.input_layers, file);
  const outputs = endpoints(config.output_layers, file);
  if (inputs.length !== 1) unsupported(file, 'input_layers', `${inputs.length} inputs (${inputs.join(', ')}); nnkit models have one input.`);
  if (outputs.length !== 1) unsupported(file, 'output_layers', `${outputs.length} outputs (${outputs.join(', ')}); nnkit models have one output.`);
  let input: KerasGraph['input'] | undefined;
  const layers: KerasLayer[] = [];
  config.layers.forEach((entry: unknown, i: number) => {
    const { className, layerConfig, layerName } = layerParts(entry, file, i);
    const where = `layers[${i}] (${className} "${layerName}")`;
    const nodes = (entry as Json).inbound_nodes;
    if (className === 'InputLayer') {
      if (layerName !== inputs[0]) unsupported(file, where, 'an InputLayer that is not the model input; nnkit models have one input.');
      input = { name: layerName, shape: featureShape(layerConfig.batch_shape ?? layerConfig.batch_input_shape, file, where) };
      return;
    }
    if (!Array.isArray(nodes) || nodes.length !== 1) {
      unsupported(file, where, `the layer is called ${Array.isArray(nodes) ? nodes.length : 0} times; nnkit imports layers used once (no shared layers).`);
    }
    layers.push({ className, name: layerName, config: layerConfig, inbound: inboundNames(nodes[0], file, where), where });
  });
  if (!input) malformed(file, `the input layer "${inputs[0]}" is not among the layers`);
  return { name: typeof config.name === 'string' ? config.name : 'model', className: 'Functional', dialect, input, layers, output: outputs[0] };
}

/** Layer names from Keras 2's `[[name, node, tensor, kwargs], ...]` or Keras 3's `{args, kwargs}`. */
function inboundNames(node: unknown, file: string, where: string): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string' && typeof value[1] === 'number') history(value);
      else value.forEach(visit);
    } else if (isObject(value)) {
      if (value.class_name === '__keras_tensor__' && isObject(value.config)) history(value.config.keras_history);
      else if (Array.isArray(value.args)) value.args.forEach(visit);
    }
  };
  const history = (h: unknown): void => {
    if (!Array.isArray(h) || typeof h[0] !== 'string') malformed(file, `${where}: an inbound tensor without its layer name`);
    if (h[1] !== 0 || h[2] !== 0) unsupported(file, where, `it takes output ${h[2]} of call ${h[1]} of "${h[0]}"; nnkit imports layers used once with one output.`);
    names.push(h[0]);
  };
  visit(node);
  if (names.length === 0) malformed(file, `${where}: a layer with no inputs`);
  return names;
}

function endpoints(value: unknown, file: string): string[] {
  if (!Array.isArray(value)) malformed(file, 'a functional config without input_layers / output_layers');
  const list = typeof value[0] === 'string' ? [value] : value;
  return list.map((e: unknown) => (Array.isArray(e) && typeof e[0] === 'string' ? e[0] : malformed(file, `a bad endpoint ${JSON.stringify(e)}`)));
}

function layerParts(entry: unknown, file: string, i: number): { className: string; layerConfig: Json; layerName: string } {
  if (!isObject(entry) || typeof entry.class_name !== 'string' || !isObject(entry.config)) malformed(file, `layers[${i}] is not {"class_name", "config"}`);
  const layerName = typeof entry.config.name === 'string' ? entry.config.name : typeof entry.name === 'string' ? entry.name : `layer_${i}`;
  return { className: entry.class_name, layerConfig: entry.config, layerName };
}

function featureShape(shape: unknown, file: string, where: string): number[] {
  if (!Array.isArray(shape) || shape.length !== 2 || !Number.isInteger(shape[1]) || shape[1] <= 0) {
    unsupported(file, where, `the input shape ${JSON.stringify(shape)} is not supported; nnkit models take rows of features, shape [null, n].`);
  }
  return [shape[1] as number];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(file: string, message: string): never {
  throw new FormatError('format/invalid', `${file}: ${message}; the file is not a Keras model this reader understands, or it is damaged.`, file);
}
