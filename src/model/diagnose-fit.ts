import type { Callback } from '../callbacks/callback.js';
import { EarlyStopping } from '../callbacks/early-stopping.js';
import type { Verbosity } from '../callbacks/progress-logger.js';
import { trainingDataDiagnostics } from '../doctor/check-training-data.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import type { Doctor } from '../doctor/doctor.js';
import { inputColumnDiagnostics } from '../doctor/check-input-columns.js';
import { matchingNames } from '../doctor/feature-names.js';
import { computeFeatureStats } from '../doctor/feature-stats.js';
import { scanInputColumns, tensorInputColumns, type InputColumns } from '../doctor/input-columns.js';
import { labelClasses, type LabelClasses } from '../doctor/label-classes.js';
import { RowHashes } from '../doctor/row-hashes.js';
import type { Tensor } from '../tensor/tensor.js';
import type { ModelPort } from './model-port.js';
import type { Trainer } from './trainer.js';
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
 * What fit asks of the doctor before the first epoch: forgets all but the compile's findings,
 * records the training ranges (saved with the model) and row fingerprints, checks the data,
 * prints the warnings once unless verbose is 0, and returns the callback that watches training.
 */
export function diagnoseFit(
  port: Pick<ModelPort, 'model' | 'doctor' | 'graph' | 'featureNames'>,
  trainer: Trainer, setup: FitSetup,
): TrainingMonitor {
  const doctor = port.doctor;
  // NOTE: new weights and new training rows: what predict and evaluate found no longer holds.
  doctor.clear(['fit', 'training', 'predict', 'evaluate']);
  const x = setup.train.x;
  const stats = computeFeatureStats(x);
  const trainingRows = RowHashes.of(x);
  doctor.featureStats = stats;
  doctor.trainingRows = trainingRows;
  const graph = port.graph;
  const names = matchingNames(port.featureNames, x.cols);
  const classes = labelClasses(trainer.loss, setup.train.y);
  doctor.reportAll(setup.labelWarnings);
  doctor.reportAll(trainingDataDiagnostics({
    train: setup.train,
    validation: setup.validation,
    validationSplit: setup.validationSplit,
    weighted: setup.weighted,
    loss: trainer.loss,
    metrics: trainer.metrics,
    normalizesInput: graph.nodes.some((n) => n.inputSlots.includes(0) && ['BatchNormalization', 'Normalization'].includes(n.layer.className)),
    stats,
    trainingRows,
    names,
  }));
  // NOTE: a pipeline's description of x's columns serves this fit only.
  const described = doctor.inputColumns?.rows.length === x.rows ? doctor.inputColumns : undefined;
  doctor.inputColumns = undefined;
  doctor.reportAll(columnDiagnostics(described ?? tensorInputColumns(x, names), classes, x.rows));
  const print = setup.verbose !== 0;
  if (print) doctor.print(doctor.diagnostics.filter((d) => d.stage === 'compile' || d.stage === 'fit'));
  return new TrainingMonitor(port.model, trainer, {
    classes,
    earlyStopping: setup.callbacks.some((c) => c instanceof EarlyStopping),
    ...(described?.rareClassAdvice === undefined ? {} : { rareClassAdvice: described.rareClassAdvice }),
    report: (diagnostic) => {
      const kept = doctor.report(diagnostic);
      if (kept && print) doctor.print([kept]);
      return kept;
    },
  });
}

/** The column checks (identifiers, target leakage) over `input`, the training rows' columns. */
function columnDiagnostics(input: InputColumns, classes: LabelClasses | undefined, rows: number): Diagnostic[] {
  const labels = classes?.classes ?? new Int32Array(rows);
  const count = classes?.counts.length ?? 1;
  return inputColumnDiagnostics(scanInputColumns(input, labels, count), input, count);
}

/** The warnings that belong on a fit's History: the compile's, the data's and the training's. */
export function fitDiagnostics(doctor: Doctor): Diagnostic[] {
  return doctor.diagnostics.filter((d) => d.stage === 'compile' || d.stage === 'fit' || d.stage === 'training');
}
