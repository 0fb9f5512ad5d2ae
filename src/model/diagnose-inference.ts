import { leakage } from '../doctor/check-training-data.js';
import { driftDiagnostic, driftFromRanges } from '../doctor/check-drift.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import { matchingNames } from '../doctor/feature-names.js';
import type { Tensor } from '../tensor/tensor.js';
import type { ModelPort } from './model-port.js';

/**
 * What predict and evaluate ask of the doctor, on checked inputs: the drift warning against the
 * training ranges, and for evaluate the rows that also appear in training (unless x is the
 * training set itself, which measures training fit on purpose). Prints each new warning
 * once unless verbose is 0; returns the warnings kept. `scanned`: x's column ranges for the
 * drift check when the caller already took them (`driftBounds`, as predict does per chunk).
 */
export function diagnoseInference(
  port: Pick<ModelPort, 'doctor' | 'featureNames'>, x: Tensor, stage: 'predict' | 'evaluate',
  verbose: number | undefined, scanned?: Float64Array,
): Diagnostic[] {
  const doctor = port.doctor;
  const found: Diagnostic[] = [];
  const names = matchingNames(port.featureNames, x.cols);
  const stats = doctor.featureStats;
  if (stats) {
    const drift = scanned === undefined
      ? driftDiagnostic(stats, x, stage, names)
      : driftFromRanges(stats, scanned, x.rows, stage, names);
    if (drift) found.push(drift);
  }
  const training = doctor.trainingRows;
  if (stage === 'evaluate' && training) {
    const leak = leakage(training, x, 'evaluate', 'evaluated');
    const whole = leak !== undefined && leak.details?.count === x.rows && x.rows === training.size;
    if (leak && !whole) found.push(leak);
  }
  const kept = doctor.reportAll(found);
  if (verbose !== 0) doctor.print(kept);
  return kept;
}
