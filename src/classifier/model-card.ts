import type { Model } from '../model/model.js';
import type { ModelSummary } from '../report/report-data.js';

/** The model card: Keras' summary table, parameter counts, optimizer and loss. */
export function modelSummary(model: Model, lossName: string): ModelSummary {
  const total = model.countParams();
  const trainable = model.layers.reduce((sum, layer) => sum + layer.countParams(true), 0);
  return {
    summaryText: model.summary({ printFn: () => {} }),
    totalParams: total,
    trainableParams: trainable,
    nonTrainableParams: total - trainable,
    ...(model.optimizer === undefined ? {} : { optimizer: optimizerLabel(model) }),
    loss: lossName,
  };
}

/** e.g. 'adam (learning_rate 0.001)'. */
export function optimizerLabel(model: Model): string {
  const config = model.optimizer!.getConfig();
  const rate = config.config.learningRate;
  return typeof rate === 'number' ? `${config.className} (learning_rate ${rate})` : config.className;
}

