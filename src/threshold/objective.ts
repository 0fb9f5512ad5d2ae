import { ConfigError, show } from '../errors.js';

/** What a decision threshold is chosen to achieve. */
export type ThresholdObjective =
  /** Maximise F1. */
  | { readonly kind: 'f1' }
  /** Maximise F-beta (beta > 1 favours recall, beta < 1 precision). */
  | { readonly kind: 'fbeta'; readonly beta: number }
  /** Maximise Youden's J = true positive rate - false positive rate. */
  | { readonly kind: 'youden' }
  /** The highest recall whose precision is at least `value` (a spam filter). */
  | { readonly kind: 'minPrecision'; readonly value: number }
  /** The highest precision whose recall is at least `value` (a cancer screen). */
  | { readonly kind: 'minRecall'; readonly value: number }
  /** The lowest expected cost fnCost · FN + fpCost · FP. */
  | { readonly kind: 'cost'; readonly fnCost: number; readonly fpCost: number };

const FORMS = "'f1', 'f2' or 'fbeta=0.5', 'youden', 'precision>=0.9', 'recall>=0.95', 'cost=10' (FN:FP = 10:1) or 'cost=10:3'";

function fail(text: unknown, why: string): never {
  throw new ConfigError('config/threshold-objective', `Cannot read the threshold objective ${show(text)}: ${why}. Accepted forms: ${FORMS}.`);
}

/**
 * An objective as messages show it: the text that reads back to it ("precision>=1.5"), the way
 * --threshold takes it; an object of an unknown kind as JSON.
 */
function asText(objective: ThresholdObjective): unknown {
  if (objective === null || typeof objective !== 'object') return objective;
  return (formatObjective(objective) as string | undefined) ?? JSON.stringify(objective);
}

/** Checks an objective's numbers (a rate in [0, 1], positive beta, non-negative costs). */
export function checkObjective(objective: ThresholdObjective): ThresholdObjective {
  switch (objective?.kind) {
    case 'f1':
    case 'youden':
      return objective;
    case 'fbeta':
      if (!(objective.beta > 0) || !Number.isFinite(objective.beta)) fail(asText(objective), `beta must be a positive number, got ${show(objective.beta)}`);
      return objective;
    case 'minPrecision':
    case 'minRecall':
      if (!(objective.value >= 0 && objective.value <= 1)) fail(asText(objective), `the minimum must be in [0, 1], got ${show(objective.value)}`);
      return objective;
    case 'cost':
      if (!(objective.fnCost >= 0 && objective.fpCost >= 0) || !Number.isFinite(objective.fnCost + objective.fpCost)) {
        fail(asText(objective), 'costs must be finite non-negative numbers');
      }
      if (objective.fnCost + objective.fpCost === 0) fail(asText(objective), 'at least one cost must be positive');
      return objective;
    default:
      return fail(asText(objective), 'unknown kind');
  }
}

function number(text: string, part: string): number {
  const value = Number(part);
  if (part.trim() === '' || !Number.isFinite(value)) fail(text, `${show(part)} is not a number`);
  return value;
}

/** Reads an objective from text, as the CLI takes it: 'f1', 'youden', 'precision>=0.9', 'cost=10'... */
export function parseObjective(text: string): ThresholdObjective {
  if (typeof text !== 'string') fail(text, 'expected a string');
  const s = text.replace(/\s+/g, '').toLowerCase();
  if (s === 'f1') return { kind: 'f1' };
  if (s === 'youden' || s === 'youdenj' || s === 'youden_j' || s === 'j') return { kind: 'youden' };
  let match = /^f(\d+(?:\.\d+)?)$/.exec(s) ?? /^fbeta=(.+)$/.exec(s);
  if (match) return checkObjective({ kind: 'fbeta', beta: number(text, match[1]) });
  match = /^precision>=(.+)$/.exec(s);
  if (match) return checkObjective({ kind: 'minPrecision', value: number(text, match[1]) });
  match = /^recall>=(.+)$/.exec(s);
  if (match) return checkObjective({ kind: 'minRecall', value: number(text, match[1]) });
  match = /^cost=([^:]+)(?::(.+))?$/.exec(s);
  if (match) return checkObjective({ kind: 'cost', fnCost: number(text, match[1]), fpCost: match[2] === undefined ? 1 : number(text, match[2]) });
  return fail(text, 'unrecognised');
}

/** The objective as text that parseObjective reads back to the same objective. */
export function formatObjective(objective: ThresholdObjective): string {
  switch (objective.kind) {
    case 'f1':
      return 'f1';
    case 'fbeta':
      return `fbeta=${objective.beta}`;
    case 'youden':
      return 'youden';
    case 'minPrecision':
      return `precision>=${objective.value}`;
    case 'minRecall':
      return `recall>=${objective.value}`;
    case 'cost':
      return `cost=${objective.fnCost}:${objective.fpCost}`;
  }
}
