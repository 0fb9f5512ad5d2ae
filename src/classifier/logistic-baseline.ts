import { StateError } from '../errors.js';
import { libraryHint, type HintWriter } from '../data/option-hint.js';
import type { Classifier } from './classifier.js';
import type { TrainClassifierOptions } from './classifier-options.js';
import type { BinaryResults, ClassifierResults } from './evaluate-classifier.js';
import { fitClassifier, type OptionName } from './fit-classifier.js';
import type { TrainingTable } from './training-plan.js';

/** A baseline's headline numbers on the rows a result is on. */
export interface BaselineFigures {
  readonly accuracy: number;
  readonly f1: number;
  /** Null where the rows hold one class. */
  readonly rocAuc: number | null;
  /** Mean binary cross-entropy of its probabilities. */
  readonly logLoss: number;
  readonly threshold: number;
}

/** The majority baseline and the logistic regression, beside a binary result. */
export interface Baselines {
  /** Always the majority class: its accuracy (ROC-AUC 0.5, F1 0 unless the positive class is the majority). */
  readonly majority: { readonly accuracy: number; readonly predicts: string };
  /** The same pipeline with no hidden layers, trained the same way, on the same rows. */
  readonly logistic?: BaselineFigures;
}

/** Headline numbers of binary results, as a baseline shows them. */
export function baselineFigures(results: BinaryResults): BaselineFigures {
  const e = results.evaluation;
  return { accuracy: e.accuracy, f1: e.f1, rocAuc: e.rocAuc, logLoss: results.loss, threshold: e.threshold };
}

/** The baselines of binary results: the majority always, the logistic regression's results when given. */
export function baselinesOf(results: ClassifierResults, classNames: readonly string[], logistic?: ClassifierResults): Baselines | undefined {
  if (results.task !== 'binary') return undefined;
  const b = results.evaluation.baseline;
  return {
    majority: { accuracy: b.accuracy, predicts: classNames[b.majorityClass] ?? String(b.majorityClass) },
    ...(logistic?.task === 'binary' ? { logistic: baselineFigures(logistic) } : {}),
  };
}

/**
 * "Is the network worth it?": trains the logistic regression a two-class classifier is measured
 * against — the same options with `hidden: []` (so the same preprocessing, early stopping,
 * threshold policy, ensemble, calibration) on the very rows of its training run — and returns
 * it; its `trainingRun.test` is on the same rows as the classifier's. Multi-class: undefined.
 *
 *   const clf = await nn.trainClassifier(table, options);
 *   const lr = await nn.logisticBaseline(table, clf, options);
 *   lr.trainingRun.test.evaluation.rocAuc;   // beside clf.trainingRun.test.evaluation.rocAuc
 */
export async function logisticBaseline(
  table: TrainingTable,
  classifier: Classifier,
  options: TrainClassifierOptions = {},
  option: OptionName = (name) => name,
  hint: HintWriter = libraryHint,
): Promise<Classifier | undefined> {
  const run = classifier.trainingRun;
  if (run === undefined) {
    throw new StateError('state/no-training-run', 'logisticBaseline needs a classifier trainClassifier has just trained (a loaded one keeps no split); train one first.');
  }
  if (classifier.classNames.length !== 2) return undefined;
  // NOTE: callbacks stay (a stop signal stops the baseline too); progress output does not.
  const { onPlan: _onPlan, verbose: _verbose, ...same } = options;
  // NOTE: the run's own split, so the baseline's results are on the classifier's result rows.
  return fitClassifier(table, { ...same, hidden: [] }, option, hint, run.split);
}
