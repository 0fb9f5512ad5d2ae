import type { Callback } from '../callbacks/callback.js';
import { EarlyStopping } from '../callbacks/early-stopping.js';
import type { Verbosity } from '../callbacks/progress-logger.js';
import type { Model } from '../model/model.js';
import type { Trainer } from '../model/trainer.js';
import type { Tensor } from '../tensor/tensor.js';
import { trainingDataDiagnostics } from './check-training-data.js';
import type { Diagnostic } from './diagnostic.js';
import { featureNames } from './feature-names.js';
import { computeFeatureStats } from './feature-stats.js';
import { labelClasses } from './label-classes.js';
import { RowHashes } from './row-hashes.js';
import { TrainingMonitor } from './training-monitor.js';

/** What fit knows once it has checked its inputs and split off the validation rows. */
export interface FitSetup {
  readonly train: { readonly x: Tensor; readonly y: Tensor };
  readonly validation: { readonly x: Tensor; readonly y: Tensor } | undefined;
  /** The fraction, when validation rows came from validationSplit. */
  readonly validationSplit: number | undefined;
  /** Whether classWeight or sampleWeight was given. */
  readonly weighted: boolean;
  /** Warnings checkLabels returned for the training and validation labels. */
  readonly labelWarnings: readonly Diagnostic[];
  readonly callbacks: readonly Callback[];
  readonly verbose: Verbosity | undefined;
}

/**
 * The doctor's part of fit, before the first epoch: forgets all but the compile's findings, records
 * the training ranges (saved with the model) and row fingerprints, checks the data, prints
 * the warnings once unless verbose is 0, and returns the callback that watches training.
 */
export function diagnoseFit(model: Model, trainer: Trainer, setup: FitSetup): TrainingMonitor {
  const doctor = model.doctor;
  // NOTE: new weights and new training rows: what predict and evaluate found no longer holds.
  doctor.clear(['fit', 'training', 'predict', 'evaluate']);
  const x = setup.train.x;
  const stats = computeFeatureStats(x);
  const trainingRows = new RowHashes(x);
  doctor.featureStats = stats;
  doctor.trainingRows = trainingRows;
  doctor.saveTo(model.metadata);
  const graph = model.modelGraph;
  doctor.reportAll(setup.labelWarnings);
  doctor.reportAll(trainingDataDiagnostics({
    train: setup.train,
    validation: setup.validation,
    validationSplit: setup.validationSplit,
    weighted: setup.weighted,
    loss: trainer.loss,
    metrics: trainer.metrics,
    normalizesInput: graph.nodes.some((n) => n.inputSlots.includes(0) && n.layer.className === 'BatchNormalization'),
    stats,
    trainingRows,
    names: featureNames(model, x.cols),
  }));
  const print = setup.verbose !== 0;
  if (print) doctor.print(doctor.diagnostics.filter((d) => d.stage === 'compile' || d.stage === 'fit'));
  return new TrainingMonitor(model, trainer, {
    classes: labelClasses(trainer.loss, setup.train.y),
    earlyStopping: setup.callbacks.some((c) => c instanceof EarlyStopping),
    report: (diagnostic) => {
      const kept = doctor.report(diagnostic);
      if (kept && print) doctor.print([kept]);
      return kept;
    },
  });
}

/** The warnings that belong on a fit's History: the compile's, the data's and the training's. */
export function fitDiagnostics(model: Model): Diagnostic[] {
  return model.doctor.diagnostics.filter((d) => d.stage === 'compile' || d.stage === 'fit' || d.stage === 'training');
}
