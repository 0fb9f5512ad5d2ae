import { FormatError, StateError } from '../errors.js';
import type { LayerConfig } from '../layers/base-layer.js';
import type { LossConfig } from '../losses/loss.js';
import type { MetricConfig } from '../metrics/metric.js';
import type { OptimizerConfig } from '../optimizers/optimizer.js';
import { crc32, floatsToBytes } from '../utils/bytes.js';
import type { Model } from './model.js';

export const FORMAT = 'nnkit-model';
export const FORMAT_VERSION = 1;

/** One layer of the saved architecture, with the names of the layers that feed it. */
export interface SavedLayer {
  readonly className: string;
  readonly config: LayerConfig['config'];
  readonly inbound: readonly string[];
}

export interface SavedWeight {
  readonly name: string;
  readonly shape: readonly number[];
}

export interface SavedBlob {
  readonly file: string;
  readonly bytes: number;
  readonly crc32: number;
}

/** model.json: everything but the numbers, which live in weights.bin (little-endian float32). */
export interface ModelJson {
  readonly format: typeof FORMAT;
  readonly formatVersion: number;
  readonly name: string;
  readonly className: 'Sequential' | 'Functional';
  readonly layers: readonly SavedLayer[];
  readonly output: string;
  readonly threshold: number;
  readonly weights: readonly SavedWeight[];
  readonly weightsFile: SavedBlob;
  readonly training?: {
    readonly loss: LossConfig;
    readonly optimizer: OptimizerConfig;
    readonly metrics: readonly MetricConfig[];
  };
  readonly optimizerState?: SavedBlob & { readonly iterations: number; readonly arrays: number };
  /** Data the application stores with the model (the CLI's preprocessing, training summary). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface SerializedModel {
  readonly json: ModelJson;
  readonly weights: Uint8Array;
  readonly optimizerState?: Uint8Array;
}

/** Turns a built model into its JSON description and weight bytes (no I/O). */
export function serializeModel(model: Model, options: { includeOptimizer?: boolean } = {}): SerializedModel {
  if (!model.built) {
    throw new StateError('state/not-built', `Model "${model.name}" is not built, so there is nothing to save yet; fit or build it first.`);
  }
  const graph = model.modelGraph;
  const layers: SavedLayer[] = [
    { ...graph.input.layer.getConfig(), inbound: [] },
    ...graph.nodes.map((n) => ({ ...n.layer.getConfig(), inbound: n.tensor.inputs.map((t) => t.layer.name) })),
  ];
  const variables = [graph.input.layer, ...graph.layers].flatMap((l) => l.weights);
  const total = variables.reduce((s, v) => s + v.size, 0);
  const flat = new Float32Array(total);
  let offset = 0;
  for (const v of variables) {
    flat.set(v.value, offset);
    offset += v.size;
  }
  const weights = floatsToBytes(flat);
  const compiled = model.compiled;
  const trainer = model.trainer;
  let optimizerState: Uint8Array | undefined;
  let optimizerJson: ModelJson['optimizerState'];
  if (options.includeOptimizer && trainer) {
    const arrays = trainer.optimizer.state;
    const joined = new Float32Array(arrays.reduce((s, a) => s + a.length, 0));
    let o = 0;
    for (const a of arrays) {
      joined.set(a, o);
      o += a.length;
    }
    optimizerState = floatsToBytes(joined);
    optimizerJson = {
      file: 'optimizer.bin', bytes: optimizerState.length, crc32: crc32(optimizerState),
      iterations: trainer.optimizer.iterations, arrays: arrays.length,
    };
  }
  const json: ModelJson = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    name: model.name,
    className: model.constructor.name === 'Sequential' ? 'Sequential' : 'Functional',
    layers,
    output: graph.output.layer.name,
    threshold: model.threshold,
    weights: variables.map((v) => ({ name: v.name, shape: [...v.shape] })),
    weightsFile: { file: 'weights.bin', bytes: weights.length, crc32: crc32(weights) },
    ...(compiled && trainer
      ? {
          training: {
            loss: trainer.loss.getConfig(),
            optimizer: trainer.optimizer.getConfig(),
            metrics: trainer.metrics.map((m) => m.getConfig()),
          },
        }
      : {}),
    ...(optimizerJson ? { optimizerState: optimizerJson } : {}),
    ...(Object.keys(model.metadata).length > 0 ? { metadata: model.metadata } : {}),
  };
  return { json, weights, optimizerState };
}

/** Checks a blob's size and checksum against model.json before any of it is used. */
export function checkBlob(blob: SavedBlob, bytes: Uint8Array, path: string): void {
  if (bytes.length !== blob.bytes) {
    throw new FormatError(
      'format/truncated',
      `${path} holds ${bytes.length} bytes but model.json declares ${blob.bytes}; the file is truncated or from another model. ` +
        'Save the model again.',
      path,
    );
  }
  if (crc32(bytes) !== blob.crc32) {
    throw new FormatError('format/checksum', `${path} fails its CRC-32 check: the file is corrupt. Save the model again.`, path);
  }
}
