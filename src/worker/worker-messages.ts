// The job protocol between a caller and its worker (a Web Worker or a Node worker thread):
// structured-clone messages only. Models travel as their saved files (model.json's text and the
// weight blobs, as `modelToFiles` / `modelFromFiles` write and read them: no zip to pack or unpack
// on the page's thread), numbers as typed arrays (transferred, never the caller's own buffers),
// options as JSON; callbacks do not travel: the built-in ones as their settings, the rest stay on
// the caller's side (see builtin-callbacks.ts).
import type { Logs } from '../callbacks/callback.js';
import type { ClassifierPipeline } from '../classifier/classifier-pipeline.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import type { FitOptions } from '../model/fit.js';
import type { ModelFiles } from '../model/model-files.js';
import type { ThreadSettings, ThreadStats } from '../kernels/wasm/thread-pool.js';
import type { RandomState } from '../random/random.js';
import type { BuiltinCallbackState, BuiltinCallbackSettings } from './builtin-callbacks.js';

/** A tensor as data: its values (row-major) and shape. */
export interface TensorData {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** What every job carries: the caller's kernels and random generator, so results match bit for bit. */
export interface JobContext {
  readonly backend: 'wasm' | 'js' | 'reference';
  /** The caller's setKernelThreads settings, for the kernels' own threads inside the worker. */
  readonly kernelThreads: ThreadSettings;
  readonly random: RandomState;
  /** Which training events the caller wants posted. */
  readonly events: { readonly batches: boolean; readonly epochs: boolean };
}

/** fit's options as JSON (validation data, sample weights as arrays; callbacks apart). */
export type FitJobOptions = Omit<FitOptions, 'callbacks' | 'validationData' | 'sampleWeight'> & {
  readonly validationData?: readonly [TensorData, TensorData] | readonly [TensorData, TensorData, Float32Array];
  readonly sampleWeight?: Float32Array;
};

export type JobRequest =
  | { readonly kind: 'fit'; readonly model: ModelFiles; readonly x: TensorData; readonly y: TensorData; readonly options: FitJobOptions; readonly callbacks: readonly BuiltinCallbackSettings[] }
  | { readonly kind: 'predict'; readonly model: ModelFiles; readonly x: TensorData; readonly options: { readonly batchSize?: number; readonly verbose?: 0 | 1 } }
  | { readonly kind: 'evaluate'; readonly model: ModelFiles; readonly x: TensorData; readonly y: TensorData; readonly options: Readonly<Record<string, unknown>> }
  | { readonly kind: 'kernelThreadStats' }
  | { readonly kind: 'trainClassifier'; readonly table: unknown; readonly options: Readonly<Record<string, unknown>>; readonly callbacks: readonly BuiltinCallbackSettings[]; readonly wantsPlan: boolean };

/** caller → worker */
export type ToWorker =
  | { readonly type: 'job'; readonly id: number; readonly context: JobContext; readonly job: JobRequest }
  | { readonly type: 'abort'; readonly id: number }
  | { readonly type: 'stop'; readonly id: number };

/** A training event, as the callbacks' hooks receive it. */
export type TrainingEvent =
  | { readonly hook: 'onTrainBegin' | 'onTrainEnd'; readonly logs: Logs }
  | { readonly hook: 'onEpochBegin' | 'onEpochEnd'; readonly epoch: number; readonly logs: Logs }
  | { readonly hook: 'onBatchBegin' | 'onBatchEnd'; readonly epoch: number; readonly batch: number; readonly logs: Logs };

/** What a finished job sends back. */
export type JobResult =
  | {
    readonly kind: 'fit'; readonly model: ModelFiles; readonly stopTraining: boolean; readonly diagnostics: readonly Diagnostic[];
    readonly history: SentHistory; readonly callbacks: readonly BuiltinCallbackState[];
  }
  | { readonly kind: 'predict'; readonly output: TensorData; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'evaluate'; readonly results: Record<string, number>; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'kernelThreadStats'; readonly stats: ThreadStats }
  | {
    readonly kind: 'trainClassifier'; readonly model: ModelFiles; readonly pipeline: ClassifierPipeline;
    readonly trainingRun: unknown; readonly diagnostics: readonly Diagnostic[];
  };

/** A History as data. */
export interface SentHistory {
  readonly params: { epochs: number; batchSize: number; steps: number; samples: number };
  readonly epoch: readonly number[];
  readonly history: Readonly<Record<string, readonly number[]>>;
  readonly diagnostics: readonly Diagnostic[];
}

/** An error as data: its class name, code and message (and a DiagnosticError's finding). */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly kind?: string;
  readonly code?: string;
  readonly diagnostic?: Diagnostic;
  readonly location?: Readonly<Record<string, unknown>>;
}

/** worker → caller */
export type FromWorker =
  | { readonly type: 'event'; readonly id: number; readonly event: TrainingEvent }
  | { readonly type: 'plan'; readonly id: number; readonly plan: Readonly<Record<string, unknown>> }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResult; readonly random: RandomState }
  | { readonly type: 'failed'; readonly id: number; readonly error: SentError };
