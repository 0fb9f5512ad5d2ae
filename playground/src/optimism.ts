import * as nn from '../../src/index.js';
import { labNumbers } from './lab-numbers.js';
import { fixed } from './lab-view.js';
import type { Finding } from './mistakes.js';
import type { PreparedData } from './prepare-data.js';

/**
 * The threshold-on-test mistake, measured: the F1 a threshold tuned on the test rows promises on
 * them, against the F1 on the same rows of the threshold tuned on the validation rows. The doctor
 * cannot see which rows tuned a threshold, so the page words this finding itself.
 */
export function optimismFinding(
  prepared: PreparedData,
  scores: Readonly<Record<string, Float32Array>>,
  objective: nn.ThresholdObjective,
  costs: { fnCost: number; fpCost: number },
): Finding {
  const honest = nn.findThreshold(prepared.validation.y, scores.validation, objective);
  const onTest = nn.findThreshold(prepared.test.y, scores.test, objective);
  const honestF1 = labNumbers(prepared.test.y, scores.test, honest.threshold, costs).model.f1;
  return {
    code: 'threshold-on-test', severity: 'warning', heading: 'measured by the page (the doctor cannot see which rows tuned a threshold)',
    message: `Tuned on the test rows (${onTest.description}), the threshold ${onTest.threshold.toFixed(4)} scores F1 ${fixed(onTest.metrics.f1)} on them; ` +
      `tuned on the validation rows, the threshold ${honest.threshold.toFixed(4)} scores F1 ${fixed(honestF1)} on the same test rows. ` +
      `The difference, ${fixed(onTest.metrics.f1 - honestF1)}, is optimism: the test rows no longer measure new data.`,
  };
}
