import { checkPredictions } from '../doctor/check-drift.js';
import { toTargets } from '../doctor/to-features.js';
import { ShapeError } from '../errors.js';
import { toLabels, type LabelsLike, type TensorLike } from '../tensor/tensor.js';
import { binaryExtras } from './binary-extras.js';
import { checkBatchSize } from './check-batch-size.js';
import { checkLabels } from './check-labels.js';
import { diagnoseInference } from './diagnose-inference.js';
import type { ModelPort } from './model-port.js';
import { predictModel, predictProbabilities, type PredictOptions } from './predict.js';

export interface EvaluateOptions extends PredictOptions {
  sampleWeight?: LabelsLike;
  /**
   * For one-unit (binary) outputs: adds seeded bootstrap confidence intervals at this level for
   * accuracy, precision, recall, f1 and auc, as `<name>_low` / `<name>_high`.
   */
  confidence?: number;
  /** Bootstrap resamples (default 1000) and seed (default 0). */
  resamples?: number;
  seed?: number;
}

/**
 * `model.evaluate`: the loss and every compiled metric over (x, y) in inference mode, batch by
 * batch but exact over all rows; for a one-unit output also the majority baseline and, with
 * `confidence`, bootstrap intervals.
 */
export function evaluateModel(model: ModelPort, x: TensorLike, y: LabelsLike, options: EvaluateOptions): Record<string, number> {
  const input = model.checkInput(x, 'evaluate', 'evaluate');
  const trainer = model.prepare(input.cols, 'evaluate');
  const labels = toTargets(y, 'evaluate labels', 'evaluate');
  const labelWarnings = checkLabels(trainer.loss, model.outputUnits, input, labels, 'evaluate');
  const weights = options.sampleWeight === undefined ? undefined : toLabels(options.sampleWeight, 'sampleWeight').data;
  if (weights !== undefined && weights.length !== input.rows) {
    throw new ShapeError('shape/sample-weight', `sampleWeight has ${weights.length} values but x has ${input.rows} rows; give one weight per row.`);
  }
  const batchSize = checkBatchSize(options.batchSize) ?? 32;
  trainer.reset();
  for (let start = 0; start < input.rows; start += batchSize) {
    const end = Math.min(input.rows, start + batchSize);
    trainer.testBatch(input.sliceRows(start, end), labels.sliceRows(start, end), weights?.subarray(start, end));
  }
  const results = trainer.results('', model.regularizationLoss());
  // NOTE: a NaN loss can only come from NaN outputs; predict names the rows.
  if (!Number.isFinite(results.loss)) checkPredictions(predictModel(model, input, { verbose: 0 }).data, input.rows, model.outputUnits, 'evaluate');
  model.doctor.reportAll(labelWarnings);
  diagnoseInference(model, input, 'evaluate', options.verbose);
  if (model.outputUnits !== 1 || labels.cols !== 1) return results;
  const probabilities = () => predictProbabilities(model, input, { verbose: 0 });
  return { ...results, ...binaryExtras(labels, probabilities, model.threshold, { ...options, sampleWeight: weights }) };
}
