import type { DoctorState } from '../doctor/doctor.js';
import type { LayerConfig } from '../layers/base-layer.js';
import type { LossConfig } from '../losses/loss.js';
import type { MetricConfig } from '../metrics/metric.js';
import type { OptimizerConfig } from '../optimizers/optimizer.js';

export const FORMAT = 'nnkit-model';
/** Version 2 gave the doctor state, feature names and pipeline sections of their own. */
export const FORMAT_VERSION = 2;

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

/** A binary blob beside model.json: its file name, size and CRC-32. */
export interface SavedBlob {
  readonly file: string;
  readonly bytes: number;
  readonly crc32: number;
}

export interface SavedTraining {
  readonly loss: LossConfig;
  readonly optimizer: OptimizerConfig;
  readonly metrics: readonly MetricConfig[];
}

export interface SavedOptimizerState extends SavedBlob {
  readonly iterations: number;
  readonly arrays: number;
}

/**
 * model.json, in typed sections: the architecture (className, layers, output), the weights
 * (the list and the blob holding them as little-endian float32), the training setup and
 * optimizer state, the decision threshold, the input columns' names, the doctor's state, the
 * pipeline a classifier saves around the model, and `metadata`, free-form JSON of the user's.
 */
export interface ModelDocument {
  readonly format: typeof FORMAT;
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly name: string;
  readonly className: 'Sequential' | 'Functional';
  readonly layers: readonly SavedLayer[];
  readonly output: string;
  readonly weights: readonly SavedWeight[];
  readonly weightsFile: SavedBlob;
  readonly training?: SavedTraining;
  readonly optimizerState?: SavedOptimizerState;
  readonly threshold: number;
  readonly featureNames?: readonly string[];
  readonly doctor?: DoctorState;
  /** The classifier's section (preprocessing, classes, how it was trained); read by classifier/. */
  readonly pipeline?: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
}
