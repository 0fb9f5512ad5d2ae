import type { DoctorOptions } from '../doctor/diagnose-compile.js';
import type { Loss, LossConfig } from '../losses/loss.js';
import type { Metric, MetricConfig } from '../metrics/metric.js';
import type { Optimizer, OptimizerConfig } from '../optimizers/optimizer.js';

/** `model.compile(...)` options, named as in Keras, plus the doctor's `silence`. */
export interface CompileOptions extends DoctorOptions {
  /** 'adam', 'sgd', 'rmsprop', 'adamw', 'adagrad' (snake_case or camelCase) or an optimizer. */
  optimizer: string | Optimizer | OptimizerConfig;
  /** 'binary_crossentropy', 'categoricalCrossentropy', ... or a loss object. */
  loss: string | Loss | LossConfig;
  /** 'accuracy' and other metric names, or metric objects. */
  metrics?: readonly (string | Metric | MetricConfig)[];
}
