import * as nn from '../../src/index.js';
import type { Grid } from './boundary.js';
import type { PreparedData } from './prepare-data.js';
import type { PlaygroundState } from './state.js';
import type { TrainJob } from './train-job.js';

/** The training job the page's state and rows describe (the mistakes switched on included). */
export function jobOf(state: PlaygroundState, prepared: PreparedData, grid: Grid | undefined): TrainJob {
  const accuracyOnly = state.mistakes.includes('accuracy-only');
  return {
    seed: state.seed,
    cols: prepared.cols,
    hidden: state.hidden,
    activation: state.activation,
    output: state.mistakes.includes('softmax-one-unit') ? 'softmax' : 'sigmoid',
    optimizer: state.optimizer,
    learningRate: state.learningRate,
    dropout: state.dropout,
    epochs: state.epochs,
    batchSize: state.batchSize,
    metrics: accuracyOnly ? ['accuracy'] : ['accuracy', 'auc'],
    classWeight: state.balanced ? nn.balancedClassWeight(prepared.train.y) : undefined,
    train: prepared.train,
    validation: prepared.validation,
    validationSplit: prepared.sortedValidation,
    score: { test: prepared.test.x, ...(grid ? { grid: grid.x } : {}) },
  };
}
