import type { Callback } from '../callbacks/callback.js';
import type { Verbosity } from '../callbacks/progress-logger.js';
import { stratifiedKFold } from '../data/stratified-k-fold.js';
import { takeRows } from '../data/take-rows.js';
import type { InputColumns } from '../doctor/input-columns.js';
import { computeFeatureStats } from '../doctor/feature-stats.js';
import { RowHashes } from '../doctor/row-hashes.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import type { Model } from '../model/model.js';
import type { ClassifierSettings } from './classifier-options.js';
import { ensembleModel } from './ensemble-model.js';
import { trainNetwork, type LabelledRows, type TrainedNetwork } from './train-network.js';

/** A bagged ensemble over k folds of the rows, as one model, with its out-of-fold predictions. */
export interface TrainedEnsemble {
  readonly model: Model;
  readonly loss: string;
  /** Member m trained on every fold but fold m and early-stopped on fold m. */
  readonly members: readonly Omit<TrainedNetwork, 'model'>[];
  /** Fold per row (0-based), in the order of the rows given. */
  readonly fold: Int32Array;
  /** Each row's probabilities from the member that never trained on it (rows × columns). */
  readonly outOfFold: Float32Array;
  readonly columns: number;
  /** The members' doctor findings, each code once (the first member's). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Trains k members on stratified, seeded folds of `rows` (member m on every fold but m,
 * early-stopped on fold m, seeded `seed + m`), and averages their probabilities in one model
 * (ensembleModel). Every row is predicted once by the member that held it out: the out-of-fold
 * predictions on which the threshold and the calibration are then chosen. The combined model's
 * doctor keeps the ranges and fingerprints of all the rows, which its members trained on.
 */
export async function trainEnsemble(parts: {
  readonly settings: ClassifierSettings;
  readonly features: number;
  readonly featureNames: readonly string[];
  readonly classes: number;
  readonly rows: LabelledRows;
  readonly k: number;
  readonly seed: number;
  readonly inputColumns?: InputColumns;
  readonly callbacks?: readonly Callback[];
  readonly verbose?: Verbosity;
  readonly onMember?: (member: number, members: number) => void;
}): Promise<TrainedEnsemble> {
  const { rows, k } = parts;
  const folds = stratifiedKFold(rows.y, k, { shuffle: true, seed: parts.seed });
  const columns = parts.classes === 2 ? 1 : parts.classes;
  const outOfFold = new Float32Array(rows.y.length * columns);
  const fold = new Int32Array(rows.y.length);
  const models: Model[] = [];
  const members: Omit<TrainedNetwork, 'model'>[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [m, { train, test }] of folds.entries()) {
    parts.onMember?.(m, k);
    const pick = (indices: Int32Array): LabelledRows => ({ x: takeRows(rows.x, indices), y: Int32Array.from(indices, (i) => rows.y[i]) });
    const held = pick(test);
    // NOTE: the doctor's column checks find member row i at the table position of training row train[i].
    const given = parts.inputColumns;
    const inputColumns = given === undefined ? undefined : { ...given, rows: Int32Array.from(train, (i) => given.rows[i]) };
    const { model, ...run } = await trainNetwork({
      ...parts,
      ...(inputColumns === undefined ? {} : { inputColumns }),
      train: pick(train),
      validation: held,
      epochs: parts.settings.epochs,
      seed: parts.seed + m,
    });
    const probabilities = model.predictProbabilities(held.x, { verbose: 0 }).data;
    test.forEach((row, i) => {
      fold[row] = m;
      outOfFold.set(probabilities.subarray(i * columns, (i + 1) * columns), row * columns);
    });
    models.push(model);
    members.push(run);
    // NOTE: members train on nearly the same rows, so their doctors find the same things (an id
    // column, a leak): each finding is kept once, as the first member that made it wrote it.
    for (const finding of model.diagnostics) if (!diagnostics.some((kept) => kept.code === finding.code)) diagnostics.push(finding);
  }
  const model = ensembleModel(models, parts.features, members[0].loss);
  model.doctor.featureStats = computeFeatureStats(rows.x);
  model.doctor.trainingRows = RowHashes.of(rows.x);
  return { model, loss: members[0].loss, members, fold, outOfFold, columns, diagnostics };
}
