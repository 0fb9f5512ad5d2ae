import type { Classifier } from '../classifier/classifier.js';
import { describeCalibration } from '../classifier/calibration.js';
import { ConfigError, show } from '../errors.js';
import type { Model } from '../model/model.js';

/**
 * The network of a classifier, for a format that holds a network but not a pipeline (TF.js,
 * Keras): it takes the preprocessed features and gives the classifier's probabilities. An
 * ensemble is one network (its members' branches and a fixed averaging layer), so it exports as
 * any model. A pipeline whose probabilities are not the network's output (a calibration, or a
 * network on logits) is refused, naming the format that can hold it: exported alone, its network
 * would give other probabilities than `predict`.
 */
export function classifierNetwork(classifier: Classifier, format: string): Model {
  const calibration = classifier.pipeline.calibration;
  const model = classifier.model;
  const why = calibration !== undefined
    ? `is calibrated (${describeCalibration(calibration.map)}): its probabilities are the network's passed through that map`
    : model.loss?.fromLogits === true
      ? 'has a network that outputs logits: its probabilities are the network\'s passed through sigmoid / softmax'
      : undefined;
  if (why === undefined) return model;
  const ensemble = classifier.pipeline.ensemble === undefined ? '' : `the average of its ${classifier.pipeline.ensemble.members} members, `;
  throw new ConfigError(
    'config/export-pipeline',
    `The classifier of ${show(classifier.target)} ${why}, which the ${format} cannot hold; its network alone would ` +
      `predict other probabilities than nnkit predict. Export it as ONNX (nnkit export --format onnx, or nn.exportOnnx), ` +
      `which holds the whole pipeline: preprocessing, ${ensemble}${calibration === undefined ? 'the output activation' : 'the calibration'} and the threshold.`,
  );
}
