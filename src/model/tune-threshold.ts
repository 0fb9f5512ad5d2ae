import { ConfigError } from '../errors.js';
import { toLabels, type LabelsLike, type TensorLike } from '../tensor/tensor.js';
import { findThreshold, type ThresholdChoice } from '../threshold/find-threshold.js';
import type { ThresholdObjective } from '../threshold/objective.js';
import type { ModelPort } from './model-port.js';
import { predictProbabilities } from './predict.js';

/** The threshold that meets `objective` on validation rows, for a one-unit (sigmoid) model. */
export function chooseThreshold(model: ModelPort, xVal: TensorLike, yVal: LabelsLike, objective: ThresholdObjective | string): ThresholdChoice {
  const input = model.checkInput(xVal, 'tuneThreshold');
  if (model.outputUnits !== 1) {
    throw new ConfigError(
      'config/threshold-binary',
      `tuneThreshold applies to a one-unit (sigmoid) output, but this model has ${model.outputUnits} outputs; multi-class models predict the argmax.`,
    );
  }
  const labels = toLabels(yVal, 'tuneThreshold labels');
  return findThreshold(labels.data, predictProbabilities(model, input, {}).data, objective);
}
