import { DataError, StateError } from '../errors.js';
import { binaryCounts, ratio, type BinaryCounts } from '../metrics/evaluation/binary-counts.js';
import { binaryLabels, finiteScores, sampleWeights, type Numbers } from '../metrics/evaluation/inputs.js';
import { warning, type MetricWarning } from '../metrics/evaluation/metric-warning.js';
import { checkObjective, formatObjective, parseObjective, type ThresholdObjective } from './objective.js';
import { operatingPoints, type OperatingPoint } from './operating-points.js';

/** The scores a threshold gives, computed with the strict rule score > threshold. */
export interface ThresholdMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** F-beta for the objective's beta (F1 unless the objective is 'fbeta'). */
  readonly fBeta: number;
  readonly specificity: number;
  readonly falsePositiveRate: number;
  readonly youdenJ: number;
  readonly accuracy: number;
  /** fnCost · FN + fpCost · FP with the objective's costs (FN:FP = 1:1 otherwise). */
  readonly cost: number;
}

export interface ThresholdChoice {
  /** Predict positive when score > threshold. */
  readonly threshold: number;
  readonly objective: ThresholdObjective;
  /** The objective as text ('f1', 'precision>=0.9', ...). */
  readonly description: string;
  /** The value optimised: F-beta, J, recall (minPrecision), precision (minRecall) or cost. */
  readonly value: number;
  /** False when a minimum precision or recall cannot be reached (the closest point is returned). */
  readonly satisfied: boolean;
  readonly counts: BinaryCounts;
  readonly metrics: ThresholdMetrics;
  /** How many distinct operating points were compared. */
  readonly candidates: number;
  readonly warnings: readonly MetricWarning[];
}

function fBeta(point: OperatingPoint, beta: number): number {
  const precision = ratio(point.tp, point.tp + point.fp);
  const recall = ratio(point.tp, point.tp + point.fn);
  const beta2 = beta * beta;
  const denominator = beta2 * precision + recall;
  return denominator === 0 ? 0 : ((1 + beta2) * precision * recall) / denominator;
}

function metricsOf(counts: BinaryCounts, objective: ThresholdObjective): ThresholdMetrics {
  const point = { threshold: 0, ...counts };
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const falsePositiveRate = ratio(counts.fp, counts.fp + counts.tn);
  const costs = objective.kind === 'cost' ? objective : { fnCost: 1, fpCost: 1 };
  return {
    precision: ratio(counts.tp, counts.tp + counts.fp),
    recall,
    f1: fBeta(point, 1),
    fBeta: fBeta(point, objective.kind === 'fbeta' ? objective.beta : 1),
    specificity: 1 - falsePositiveRate,
    falsePositiveRate,
    youdenJ: recall - falsePositiveRate,
    accuracy: ratio(counts.tp + counts.tn, counts.tp + counts.fp + counts.tn + counts.fn),
    cost: costs.fnCost * counts.fn + costs.fpCost * counts.fp,
  };
}

/**
 * Scores of a point under an objective, compared lexicographically (larger is better):
 * [feasible, primary, tie-breaker]. Among equal scores the first point wins, that is the
 * highest threshold (the fewest positive predictions).
 */
function rank(point: OperatingPoint, objective: ThresholdObjective): [number, number, number] {
  const precision = ratio(point.tp, point.tp + point.fp);
  const recall = ratio(point.tp, point.tp + point.fn);
  switch (objective.kind) {
    case 'f1':
      return [1, fBeta(point, 1), 0];
    case 'fbeta':
      return [1, fBeta(point, objective.beta), 0];
    case 'youden':
      return [1, recall - ratio(point.fp, point.fp + point.tn), 0];
    case 'minPrecision': {
      const feasible = point.tp + point.fp > 0 && precision >= objective.value;
      // NOTE: when no point is feasible, the most precise one is the closest to the goal.
      return feasible ? [1, recall, precision] : [0, point.tp + point.fp > 0 ? precision : -1, recall];
    }
    case 'minRecall':
      return recall >= objective.value ? [1, precision, recall] : [0, recall, precision];
    case 'cost':
      return [1, -(objective.fnCost * point.fn + objective.fpCost * point.fp), 0];
  }
}

function better(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/**
 * The decision threshold that best meets `objective` on validation labels and scores, and the
 * metrics it gives. Every distinct score is a candidate cut; the returned threshold reproduces
 * the chosen cut under nnkit's rule, predicted positive when score > threshold.
 */
export function findThreshold(
  yTrue: Numbers,
  yScore: Numbers,
  objective: ThresholdObjective | string,
  options: { sampleWeight?: Numbers } = {},
): ThresholdChoice {
  const fn = 'findThreshold';
  const goal = checkObjective(typeof objective === 'string' ? parseObjective(objective) : objective);
  const labels = binaryLabels(fn, yTrue);
  const scores = finiteScores(fn, 'yScore', yScore, labels.length);
  const weights = sampleWeights(fn, options.sampleWeight, labels.length);
  let positives = 0;
  let negatives = 0;
  labels.forEach((y, i) => {
    const w = weights ? weights[i] : 1;
    if (y === 1) positives += w;
    else negatives += w;
  });
  if (positives === 0 || negatives === 0) {
    throw new DataError(
      'data/one-class',
      `${fn}: the labels hold no ${positives === 0 ? 'positive' : 'negative'} samples (with non-zero weight); ` +
        'a threshold trades one class against the other, so tune it on validation data with both classes.',
    );
  }
  const points = operatingPoints(labels, scores, weights);
  let best = 0;
  let bestRank = rank(points[0], goal);
  for (let i = 1; i < points.length; i++) {
    const r = rank(points[i], goal);
    if (better(r, bestRank)) {
      best = i;
      bestRank = r;
    }
  }
  const chosen = points[best];
  const counts = binaryCounts(labels, scores, chosen.threshold, weights);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  // NOTE: weighted sums in input order may differ from the sorted order's in the last bits.
  if (!same(counts.tp, chosen.tp) || !same(counts.fp, chosen.fp)) {
    // NOTE: cannot happen if strictThreshold is right; checked because the promise matters.
    throw new StateError('state/threshold-mismatch', `${fn}: threshold ${chosen.threshold} does not reproduce its operating point.`);
  }
  const satisfied = bestRank[0] === 1;
  const warnings: MetricWarning[] = [];
  if (!satisfied) {
    warnings.push(
      warning(
        'threshold',
        'constraint-unmet',
        `No threshold reaches ${formatObjective(goal)}; returned the closest point ` +
          `(${goal.kind === 'minPrecision' ? 'highest precision' : 'highest recall'}).`,
      ),
    );
  }
  const metrics = metricsOf(counts, goal);
  const values: Record<ThresholdObjective['kind'], number> = {
    f1: metrics.f1,
    fbeta: metrics.fBeta,
    youden: metrics.youdenJ,
    minPrecision: metrics.recall,
    minRecall: metrics.precision,
    cost: metrics.cost,
  };
  return {
    threshold: chosen.threshold,
    objective: goal,
    description: formatObjective(goal),
    value: values[goal.kind],
    satisfied,
    counts,
    metrics,
    candidates: points.length,
    warnings,
  };
}
