import type { Diagnostic } from '../doctor/diagnostic.js';
import type { History } from '../model/history.js';
import type { Model } from '../model/model.js';
import { Tensor } from '../tensor/tensor.js';
import { trainEnsemble } from './ensemble.js';
import { trainNetwork, type LabelledRows } from './train-network.js';

/** Held-out probabilities of the trained model, on which the threshold and the calibration are chosen. */
export interface HeldOut {
  /** rows × columns (1 for binary). */
  readonly probabilities: Float32Array;
  readonly labels: Int32Array;
  readonly on: 'validation' | 'out-of-fold';
  /** For rules: 'the validation rows', 'the out-of-fold predictions of 455 rows'. */
  readonly description: string;
}

export interface HeldOutTraining {
  readonly model: Model;
  readonly loss: string;
  /** The early-stopped run's history (the first member's, for an ensemble). */
  readonly history: History;
  readonly bestEpoch: number;
  readonly stoppedEpoch: number | undefined;
  readonly held: HeldOut;
  readonly diagnostics: readonly Diagnostic[];
  /** An ensemble: its members' count and the epochs early stopping kept for each. */
  readonly ensemble?: { readonly members: number; readonly epochs: readonly number[] };
  /** A refit: the epochs it ran on the training and validation rows together. */
  readonly refit?: { readonly epochs: number };
}

type NetworkParts = Omit<Parameters<typeof trainNetwork>[0], 'train' | 'validation' | 'epochs' | 'seed'>;

/**
 * Trains the classifier's network in one of three ways, each leaving held-out predictions:
 * - plain: early-stopped on the validation rows, which it then predicts;
 * - `ensemble` k: k members over folds of the training rows (trainEnsemble), whose out-of-fold
 *   predictions cover every training row;
 * - `refit`: as plain, then a new network (same seed) trained on the training and validation
 *   rows for the epochs early stopping kept; the held-out predictions stay the first network's,
 *   as the refit one has seen those rows.
 */
export async function trainHeldOut(
  network: NetworkParts,
  parts: { readonly trainPart: LabelledRows; readonly validationPart: LabelledRows; readonly seed: number; readonly ensemble?: number; readonly refit: boolean },
): Promise<HeldOutTraining> {
  const { trainPart, validationPart, seed } = parts;
  if (parts.ensemble !== undefined) {
    const k = parts.ensemble;
    const ensemble = await trainEnsemble({ ...network, rows: trainPart, k, seed });
    const first = ensemble.members[0];
    return {
      model: ensemble.model,
      loss: ensemble.loss,
      history: first.history,
      bestEpoch: first.bestEpoch,
      stoppedEpoch: first.stoppedEpoch,
      held: {
        probabilities: ensemble.outOfFold,
        labels: trainPart.y,
        on: 'out-of-fold',
        description: `the out-of-fold predictions of ${trainPart.y.length} rows`,
      },
      diagnostics: ensemble.diagnostics,
      ensemble: { members: k, epochs: ensemble.members.map((member) => member.bestEpoch + 1) },
    };
  }
  const first = await trainNetwork({ ...network, train: trainPart, validation: validationPart, epochs: network.settings.epochs, seed });
  const held: HeldOut = {
    probabilities: first.model.predictProbabilities(validationPart.x, { verbose: 0 }).data,
    labels: validationPart.y,
    on: 'validation',
    description: 'the validation rows',
  };
  if (!parts.refit) return { ...first, held, diagnostics: first.model.diagnostics };
  const epochs = first.bestEpoch + 1;
  const all = joinRows(trainPart, validationPart);
  const refit = await trainNetwork({ ...network, train: all, epochs, seed });
  return {
    ...first,
    model: refit.model,
    held: { ...held, description: 'the validation rows, before the refit' },
    diagnostics: refit.model.diagnostics,
    refit: { epochs },
  };
}

/** The rows of a followed by those of b. */
function joinRows(a: LabelledRows, b: LabelledRows): LabelledRows {
  const data = new Float32Array(a.x.data.length + b.x.data.length);
  data.set(a.x.data);
  data.set(b.x.data, a.x.data.length);
  const y = new Int32Array(a.y.length + b.y.length);
  y.set(a.y);
  y.set(b.y, a.y.length);
  return { x: new Tensor(data, [a.x.rows + b.x.rows, a.x.cols]), y };
}
