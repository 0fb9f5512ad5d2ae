import { ConfigError, show } from '../errors.js';
import type { MetricWarning } from '../metrics/index.js';
import { findThreshold, type ThresholdMetrics } from '../threshold/find-threshold.js';
import { checkObjective, parseObjective, type ThresholdObjective } from '../threshold/objective.js';
import { metricsAt, shrinkThreshold, type ShrunkThreshold } from './threshold-shrinkage.js';

/** The threshold option, read: a fixed probability, or an objective to tune on validation rows. */
export type ThresholdSetting =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'objective'; readonly objective: ThresholdObjective };

export interface ChosenThreshold {
  /** Predicted positive when probability > value. */
  readonly value: number;
  /** The setting as text: '0.5', 'f1', 'precision>=0.9'... */
  readonly objective: string;
  /** For people: 'max F1 on the validation rows', 'fixed (threshold 0.5)'. */
  readonly rule: string;
  /** The scores the threshold gives on the validation rows (tuned thresholds only). */
  readonly validation?: ThresholdMetrics;
  /** Held-out rows the threshold was tuned on, and their positives (tuned thresholds only). */
  readonly rows?: { readonly count: number; readonly positives: number };
  /** An F1 / F-beta optimum shrunk toward F* / (1 + beta²) by the rows' count (see shrinkThreshold). */
  readonly shrinkage?: ShrunkThreshold;
  readonly warnings: readonly MetricWarning[];
}

/** Reads the threshold option: 0.5, 'f1', 'youden', 'precision>=0.9', { kind: 'minRecall', ... }. */
export function thresholdSetting(value: number | string | ThresholdObjective): ThresholdSetting {
  if (typeof value === 'number') {
    if (!(value >= 0 && value <= 1)) {
      throw new ConfigError(
        'config/threshold',
        `trainClassifier: threshold as a number must be a probability from 0 to 1 but is ${show(value)}; or pass an objective such as "f1".`,
      );
    }
    return { kind: 'fixed', value };
  }
  return { kind: 'objective', objective: typeof value === 'string' ? parseObjective(value) : checkObjective(value) };
}

/**
 * Applies the setting to a binary model's validation labels (rows) and probabilities (rows).
 * `option` names the threshold option in the rule ('threshold', or the CLI's '--threshold').
 */
export function chooseThreshold(
  setting: ThresholdSetting,
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  option = 'threshold',
  rows = 'the validation rows',
): ChosenThreshold {
  if (setting.kind === 'fixed') {
    return { value: setting.value, objective: String(setting.value), rule: `fixed (${option} ${setting.value})`, warnings: [] };
  }
  const choice = findThreshold(labels, scores, setting.objective);
  const unmet = choice.satisfied ? '' : ' (not reachable: the closest point was taken)';
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const counted = { count: labels.length, positives };
  const shrinkage = shrinkThreshold(choice, labels);
  if (shrinkage === undefined) {
    return {
      value: choice.threshold,
      objective: choice.description,
      rule: `${describeObjective(choice.objective)} on ${rows}${unmet}`,
      validation: choice.metrics,
      rows: counted,
      warnings: choice.warnings,
    };
  }
  const { optimum, anchor, weight } = shrinkage;
  const f = choice.objective.kind === 'fbeta' ? 'F-beta' : 'F1';
  const beta = choice.objective.kind === 'fbeta' ? choice.objective.beta : 1;
  return {
    value: shrinkage.value,
    objective: choice.description,
    rule:
      `${describeObjective(choice.objective)} on ${rows}, shrunk from the optimum ${round(optimum)} toward best ${f} / ${1 + beta * beta} = ${round(anchor)} ` +
      `with weight ${round(weight)} (${shrinkage.smallerClass} rows of the smaller class)`,
    validation: metricsAt(labels, scores, shrinkage.value, beta),
    rows: counted,
    shrinkage,
    warnings: choice.warnings,
  };
}

function round(value: number): string {
  return value.toFixed(4);
}

/** An objective in words: 'max F1', 'highest recall with precision ≥ 0.9', ... */
export function describeObjective(objective: ThresholdObjective): string {
  switch (objective.kind) {
    case 'f1':
      return 'max F1';
    case 'fbeta':
      return `max F-beta (beta ${objective.beta})`;
    case 'youden':
      return "max Youden's J";
    case 'minPrecision':
      return `highest recall with precision ≥ ${objective.value}`;
    case 'minRecall':
      return `highest precision with recall ≥ ${objective.value}`;
    case 'cost':
      return `lowest cost with FN:FP = ${objective.fnCost}:${objective.fpCost}`;
  }
}
