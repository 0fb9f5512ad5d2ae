import type { HintWriter } from '../data/option-hint.js';
import type { TargetColumn } from '../data/target-builder.js';

/**
 * Information for a two-class target: which class is positive (the one precision, recall and the
 * threshold are about), why it was chosen, how common it is, and, unless it was asked for, the
 * setting that makes the other class positive, as the caller passes it (`hint`).
 */
export function positiveClassNotice(target: TargetColumn, hint: HintWriter): string | undefined {
  const chosen = target.positive;
  if (chosen === undefined || target.classes.length !== 2) return undefined;
  const [negative, positive] = target.classes;
  const rows = target.counts[0] + target.counts[1];
  const share = target.counts[1] / rows;
  const count = `${target.counts[1]} of ${rows} rows, ${(100 * share).toFixed(1)}%`;
  const name = JSON.stringify(positive);
  const why = {
    option: `as asked (${hint({ option: 'positive', value: positive })}); ${count}`,
    'larger-number': `of the numeric labels ${negative} and ${positive}, the larger one; ${count}`,
    'true-value': `the true/yes value of ${JSON.stringify(negative)} and ${name}; ${count}`,
    'rarer-class': `the rarer of the two classes (${count})`,
  }[chosen.reason];
  // NOTE: a positive class that is the majority is usually the wrong way round: recall and
  // precision then measure how well the common class is found.
  const common = share > 0.5 && chosen.reason !== 'option' ? `, so it is the more common class` : '';
  const other = chosen.reason === 'option' ? ''
    : ` To make ${JSON.stringify(negative)} the positive class, pass ${hint({ option: 'positive', value: negative })}.`;
  return `Positive class ${name} (the class precision, recall and the threshold are about): ${why}${common}.${other}`;
}
