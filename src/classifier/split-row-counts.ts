import type { TargetColumn } from '../data/target-builder.js';
import { tooFewRows, type RowPart } from '../doctor/check-row-counts.js';
import type { Diagnostic } from '../doctor/diagnostic.js';
import type { RowSplit } from './split-rows.js';

/**
 * 'too-few-rows' when the split leaves a class too few training rows to learn from or too few
 * validation or test rows to measure on; `options` spell testSplit and validationSplit as the
 * caller passes them (`--test-split` on the command line).
 */
export function splitRowCounts(
  split: RowSplit, target: TargetColumn, options: { readonly testSplit: string; readonly validationSplit: string },
): Diagnostic[] {
  const counts = (rows: Int32Array) => {
    const out = target.classes.map(() => 0);
    for (const row of rows) out[target.labels[row]]++;
    return out;
  };
  const parts: RowPart[] = [
    { name: 'training', counts: counts(split.train), use: 'learn', everyClass: true, fix: `make ${options.testSplit} or ${options.validationSplit} smaller` },
    { name: 'validation', counts: counts(split.validation), use: 'measure', everyClass: true, fix: `make ${options.validationSplit} larger` },
    { name: 'test', counts: counts(split.test), use: 'measure', everyClass: true, fix: `make ${options.testSplit} larger` },
  ];
  // NOTE: an ensemble has no validation rows and testSplit 0 no test rows, by design: no finding.
  const measured = parts.filter((part) => part.use === 'learn' || part.counts.some((count) => count > 0));
  const found = tooFewRows(measured, target.classes, 'fit');
  return found === undefined ? [] : [found];
}
