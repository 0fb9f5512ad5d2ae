import type { TrainingModel } from '../callbacks/callback.js';
import type { DiagnosticStage } from '../doctor/diagnostic.js';
import type { Doctor } from '../doctor/doctor.js';
import type { BaseLayer } from '../layers/base-layer.js';
import type { Tensor, TensorLike } from '../tensor/tensor.js';
import type { Graph } from './graph.js';
import type { Trainer } from './trainer.js';

/**
 * A model as the files of its workflow see it (fit, predict, evaluate, threshold tuning and the
 * code that decides when the doctor checks what): what a user sees of the model plus the
 * internals Model keeps to itself (the Trainer, the input checks). Model builds one over itself
 * and passes it in; each of those files takes only the part it uses.
 */
export interface ModelPort {
  /** The model itself, as callbacks see it (fit hands it to them and reads stopTraining). */
  readonly model: TrainingModel;
  readonly doctor: Doctor;
  readonly threshold: number;
  /** The training columns' names, one per input feature, when known. */
  readonly featureNames: readonly string[] | undefined;
  /** Whether the graph exists (building it first when the model knows its input shape). */
  readonly built: boolean;
  /** The graph; throws when the model cannot be built yet. */
  readonly graph: Graph;
  /** Every layer (a Sequential model's stack, even before it is built). */
  readonly layers: readonly BaseLayer[];
  readonly inputFeatures: number;
  readonly outputUnits: number;
  /** The Trainer that compile made, once the graph exists. */
  readonly trainer: Trainer | undefined;
  /** The Trainer, after checking the model is compiled and built for `features` inputs. */
  prepare(features: number, what: string): Trainer;
  /**
   * Checks x against the model's input and converts it (numbers only, finite, the right
   * columns), building a Sequential model for its width. `finite: false` skips the finiteness
   * check, for a caller that checks every value itself (predict does, chunk by chunk).
   */
  checkInput(x: TensorLike, what: string, stage?: DiagnosticStage, finite?: boolean): Tensor;
  /** Checks that an already converted (finite, 2-D) input has the model's feature count. */
  checkFeatureCount(t: Tensor, what: string, stage: DiagnosticStage): void;
  regularizationLoss(): number;
}
