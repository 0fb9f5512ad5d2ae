import { NnkitError, show } from '../errors.js';
import type { MetricWarning } from '../metrics/index.js';
import { findThreshold, parseObjective, type ThresholdMetrics, type ThresholdObjective } from '../threshold/index.js';
import { usageError } from './parse-command-line.js';

/** `--threshold`: a fixed number, or an objective to tune on the validation rows. */
export type ThresholdSetting =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'objective'; readonly objective: ThresholdObjective; readonly text: string };

export interface ChosenThreshold {
  /** Predicted positive when probability > value. */
  readonly value: number;
  /** The setting as typed: '0.5', 'f1', 'precision>=0.9'... */
  readonly objective: string;
  /** For people: 'max F1 on the validation rows', 'fixed (--threshold 0.5)'. */
  readonly rule: string;
  /** The scores the threshold gives on the validation rows (tuned thresholds only). */
  readonly validation?: ThresholdMetrics;
  readonly warnings: readonly MetricWarning[];
}

/** Reads `--threshold 0.5|f1|youden|precision>=0.9|recall>=0.95|cost=10` (objectives: src/threshold). */
export function parseThresholdSetting(command: string, text: string): ThresholdSetting {
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) {
    const value = Number(text);
    if (!(value >= 0 && value <= 1)) {
      throw usageError(command, `--threshold as a number must be a probability from 0 to 1 but is ${show(text)}.`);
    }
    return { kind: 'fixed', value };
  }
  try {
    return { kind: 'objective', objective: parseObjective(text), text };
  } catch (error) {
    if (error instanceof NnkitError) throw usageError(command, `--threshold: ${error.message}`);
    throw error;
  }
}

/** Applies the setting to a binary model's validation labels (rows) and probabilities (rows). */
export function chooseThreshold(setting: ThresholdSetting, labels: ArrayLike<number>, scores: ArrayLike<number>): ChosenThreshold {
  if (setting.kind === 'fixed') {
    return { value: setting.value, objective: String(setting.value), rule: `fixed (--threshold ${setting.value})`, warnings: [] };
  }
  const choice = findThreshold(labels, scores, setting.objective);
  const unmet = choice.satisfied ? '' : ' (not reachable: the closest point was taken)';
  return {
    value: choice.threshold,
    objective: choice.description,
    rule: `${describeObjective(choice.objective)} on the validation rows${unmet}`,
    validation: choice.metrics,
    warnings: choice.warnings,
  };
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
