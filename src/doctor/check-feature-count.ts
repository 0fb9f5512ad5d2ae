import type { Tensor } from '../tensor/tensor.js';
import { diagnose, raise, type DiagnosticStage } from './diagnostic.js';

/** Throws 'feature-count-mismatch' when a converted input does not have `expected` columns. */
export function checkFeatureCount(
  t: Tensor, expected: number, what: string, stage: DiagnosticStage,
): void {
  if (t.cols !== expected) {
    raise(diagnose('feature-count-mismatch', stage, {
      what: `${what}: the model expects ${expected} input features but got ${t.cols} per row.`,
      why: 'The model reads features by position, so it cannot run on a different number of columns.',
      fix: 'Pass the same columns, in the same order, as in training (drop the label column and any id column).',
    }, { expected, received: t.cols }));
  }
}
