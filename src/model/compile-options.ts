import type { DiagnosticCode } from '../doctor/diagnostic.js';
import type { Loss, LossConfig } from '../losses/loss.js';
import type { Metric, MetricConfig } from '../metrics/metric.js';
import type { Optimizer, OptimizerConfig } from '../optimizers/optimizer.js';

/** What compile accepts for the doctor, beside Keras' options. */
export interface DoctorOptions {
  /** Diagnostic codes to switch off for this model (see docs/diagnostics.md); saved with it. */
  readonly silence?: readonly DiagnosticCode[];
}

/** `model.compile(...)` options, named as in Keras, plus the doctor's `silence`. */
export interface CompileOptions extends DoctorOptions {
  /** 'adam', 'sgd', 'rmsprop', 'adamw', 'adagrad' (snake_case or camelCase) or an optimizer. */
  optimizer: string | Optimizer | OptimizerConfig;
  /** 'binary_crossentropy', 'categoricalCrossentropy', ... or a loss object. */
  loss: string | Loss | LossConfig;
  /** 'accuracy' and other metric names, or metric objects. */
  metrics?: readonly (string | Metric | MetricConfig)[];
}
