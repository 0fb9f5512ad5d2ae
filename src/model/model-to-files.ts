import type { DoctorState } from '../doctor/doctor.js';
import { StateError } from '../errors.js';
import { getLoss } from '../losses/get-loss.js';
import { getMetric } from '../metrics/get-metric.js';
import { getOptimizer } from '../optimizers/get-optimizer.js';
import { crc32, floatsToBytes } from '../utils/bytes.js';
import { concatArrays } from '../utils/concat-arrays.js';
import type { CompileOptions } from './compile-options.js';
import type { Graph } from './graph.js';
import { FORMAT, FORMAT_VERSION, type ModelDocument, type SavedBlob } from './model-document.js';
import type { ModelFiles } from './model-files.js';

/** What saving reads of a model (Model implements it). */
export interface SavableModel {
  readonly name: string;
  readonly className: 'Sequential' | 'Functional';
  readonly built: boolean;
  readonly modelGraph: Graph;
  /** The compile options, with loss, optimizer and metrics resolved to objects. */
  readonly compiled: CompileOptions | undefined;
  readonly threshold: number;
  readonly featureNames: readonly string[] | undefined;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly doctor: { state(): DoctorState | undefined };
}

export interface ModelToFilesOptions {
  /** Also save the optimizer's state (Adam's moments...), so training resumes exactly. */
  readonly includeOptimizer?: boolean;
  /** The pipeline section a classifier saves around its model. */
  readonly pipeline?: Readonly<Record<string, unknown>>;
}

/**
 * A built model as its files: model.json (the typed sections) and the blobs, named after their
 * checksums (`weights-1a2b3c4d.bin`) so that a new save never overwrites the files an older
 * model.json in the same folder still points to. No I/O.
 */
export function modelToFiles(model: SavableModel, options: ModelToFilesOptions = {}): ModelFiles {
  if (!model.built) {
    throw new StateError('state/not-built', `Model "${model.name}" is not built, so there is nothing to save yet; fit or build it first.`);
  }
  const graph = model.modelGraph;
  const variables = [graph.input.layer, ...graph.layers].flatMap((l) => l.weights);
  const weights = floatsToBytes(concatArrays(variables.map((v) => v.value), Float32Array));
  const blobs = new Map<string, Uint8Array>();
  const blob = (kind: string, bytes: Uint8Array): SavedBlob => {
    const checksum = crc32(bytes);
    const file = `${kind}-${checksum.toString(16).padStart(8, '0')}.bin`;
    blobs.set(file, bytes);
    return { file, bytes: bytes.length, crc32: checksum };
  };
  const compiled = model.compiled;
  // NOTE: compile stored resolved objects, so these calls return the instances training uses.
  const training = compiled && {
    loss: getLoss(compiled.loss),
    optimizer: getOptimizer(compiled.optimizer),
    metrics: (compiled.metrics ?? []).map((m) => getMetric(m)),
  };
  let optimizerState: ModelDocument['optimizerState'];
  if (options.includeOptimizer && training) {
    const arrays = training.optimizer.state;
    optimizerState = {
      ...blob('optimizer', floatsToBytes(concatArrays(arrays, Float32Array))),
      iterations: training.optimizer.iterations,
      arrays: arrays.length,
    };
  }
  const doctor = model.doctor.state();
  const document: ModelDocument = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    name: model.name,
    className: model.className,
    layers: [
      { ...graph.input.layer.getConfig(), inbound: [] },
      ...graph.nodes.map((n) => ({ ...n.layer.getConfig(), inbound: n.tensor.inputs.map((t) => t.layer.name) })),
    ],
    output: graph.output.layer.name,
    weights: variables.map((v) => ({ name: v.name, shape: [...v.shape] })),
    weightsFile: blob('weights', weights),
    ...(training
      ? {
          training: {
            loss: training.loss.getConfig(),
            optimizer: training.optimizer.getConfig(),
            metrics: training.metrics.map((m) => m.getConfig()),
          },
        }
      : {}),
    ...(optimizerState ? { optimizerState } : {}),
    threshold: model.threshold,
    ...(model.featureNames ? { featureNames: [...model.featureNames] } : {}),
    ...(doctor ? { doctor } : {}),
    ...(options.pipeline ? { pipeline: options.pipeline } : {}),
    ...(Object.keys(model.metadata).length > 0 ? { metadata: model.metadata } : {}),
  };
  return { json: JSON.stringify(document, null, 2) + '\n', blobs };
}
