import { compileDiagnostics } from '../doctor/check-compile.js';
import { graphOutputHead, stackOutputHead } from '../doctor/output-head.js';
import type { Loss } from '../losses/loss.js';
import type { Metric } from '../metrics/metric.js';
import type { DoctorOptions } from './compile-options.js';
import type { ModelPort } from './model-port.js';

/**
 * What compile asks of the doctor: sets the silenced codes, then checks the output, the loss and
 * the metrics. Errors throw before the model is compiled; warnings replace the last compile's.
 */
export function diagnoseCompile(
  port: Pick<ModelPort, 'doctor' | 'built' | 'graph' | 'layers'>,
  loss: Loss, metrics: readonly Metric[], options: DoctorOptions,
): void {
  const doctor = port.doctor;
  doctor.setSilence(options.silence);
  doctor.clear(['compile']);
  // NOTE: a Sequential model without inputShape is built by its first fit; its stack of layers
  // still tells the output activation and units.
  const head = port.built ? graphOutputHead(port.graph.output) : stackOutputHead(port.layers);
  doctor.reportAll(compileDiagnostics(head, loss, metrics));
}
