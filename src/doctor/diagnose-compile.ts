import type { Loss } from '../losses/loss.js';
import type { Metric } from '../metrics/metric.js';
import type { Model } from '../model/model.js';
import { compileDiagnostics } from './check-compile.js';
import type { DiagnosticCode } from './diagnostic.js';
import { outputHead } from './output-head.js';

/** What compile accepts for the doctor, beside Keras' options. */
export interface DoctorOptions {
  /** Diagnostic codes to switch off for this model (see docs/diagnostics.md); saved with it. */
  readonly silence?: readonly DiagnosticCode[];
}

/**
 * The doctor's part of compile: sets the silenced codes, then checks the output, the loss and
 * the metrics. Errors throw before the model is compiled; warnings replace the last compile's.
 */
export function diagnoseCompile(model: Model, loss: Loss, metrics: readonly Metric[], options: DoctorOptions): void {
  const doctor = model.doctor;
  doctor.setSilence(options.silence);
  doctor.clear(['compile']);
  doctor.reportAll(compileDiagnostics(outputHead(model), loss, metrics));
  doctor.saveTo(model.metadata);
}
