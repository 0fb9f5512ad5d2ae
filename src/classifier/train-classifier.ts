import type { Classifier } from './classifier.js';
import type { TrainClassifierOptions } from './classifier-options.js';
import { fitClassifier } from './fit-classifier.js';
import type { TrainingTable } from './training-plan.js';

/**
 * Trains a classifier on a labelled table, as `nnkit train` does, and returns it ready to ship:
 * 1. split the rows stratified and seeded into train / validation / test (testSplit of all rows,
 *    validationSplit of the rest);
 * 2. fit the preprocessing (standardization, one-hot, missing values) on the training rows only;
 * 3. train a small MLP (hidden relu layers with dropout; sigmoid or softmax) with early stopping
 *    on val_loss, restoring the best epoch's weights;
 * 4. two classes: choose the decision threshold on the validation rows ('f1' by default);
 * 5. evaluate once on the test rows, with bootstrap intervals beside the majority baseline.
 * The run's split, history, threshold choice, test results and warnings are on
 * `classifier.trainingRun`. Options are checked first; errors name the option.
 *
 *   const table = nn.data.parseCsv(text, { target: 'churned' });
 *   const clf = await nn.trainClassifier(table, { hidden: [32, 16], threshold: 'f1', seed: 42 });
 *   clf.trainingRun.test.evaluation.rocAuc;   clf.predict([{ age: 61, plan: 'pro' }]);
 */
export async function trainClassifier(table: TrainingTable, options: TrainClassifierOptions = {}): Promise<Classifier> {
  return fitClassifier(table, options, (option) => option);
}
