import * as nn from '../../src/index.js';

/** Precision, recall, F1 and accuracy of one set of predictions, from nn.evaluation. */
export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
}

/** Everything the threshold lab shows for one threshold on one set of rows. */
export interface LabNumbers {
  readonly threshold: number;
  readonly rows: number;
  /** [[tn, fp], [fn, tp]]: rows are true classes, columns predicted (nn.evaluation.confusionMatrix). */
  readonly matrix: number[][];
  readonly model: Scores;
  /** Always predicting the majority class. */
  readonly baseline: Scores & { readonly majorityClass: number };
  readonly cost: number;
  readonly rocAuc: number | undefined;
  readonly averagePrecision: number | undefined;
  readonly roc: nn.evaluation.RocCurve | undefined;
  readonly pr: nn.evaluation.PrecisionRecallCurve | undefined;
}

/** The class each score gives: positive when score > threshold (nn.findThreshold's rule). */
export function classesAt(scores: Float32Array, threshold: number): Int32Array {
  return Int32Array.from(scores, (score) => (score > threshold ? 1 : 0));
}

function scoresOf(y: Float32Array, predicted: ArrayLike<number>): Scores {
  const labels = [0, 1];
  const perClass = nn.evaluation.precisionRecallFscoreSupport(y, predicted, { labels });
  return {
    precision: perClass.precision[1],
    recall: perClass.recall[1],
    f1: perClass.fScore[1],
    accuracy: nn.evaluation.accuracyScore(y, predicted).value,
  };
}

/** The lab's numbers, each from the library's evaluation functions. */
export function labNumbers(y: Float32Array, scores: Float32Array, threshold: number, costs: { fnCost: number; fpCost: number }): LabNumbers {
  const predicted = classesAt(scores, threshold);
  const { matrix } = nn.evaluation.confusionMatrix(y, predicted, { labels: [0, 1] });
  const { majorityClass } = nn.evaluation.majorityBaseline(y);
  const both = y.some((label) => label === 1) && y.some((label) => label === 0);
  return {
    threshold,
    rows: y.length,
    matrix,
    model: scoresOf(y, predicted),
    baseline: { ...scoresOf(y, new Int32Array(y.length).fill(majorityClass)), majorityClass },
    cost: costs.fnCost * matrix[1][0] + costs.fpCost * matrix[0][1],
    rocAuc: both ? nn.evaluation.rocAucScore(y, scores).value : undefined,
    averagePrecision: both ? nn.evaluation.averagePrecisionScore(y, scores).value : undefined,
    roc: both ? nn.evaluation.rocCurve(y, scores) : undefined,
    pr: both ? nn.evaluation.precisionRecallCurve(y, scores) : undefined,
  };
}
