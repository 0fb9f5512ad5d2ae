import { describeCalibration, describeFittedOn } from '../classifier/calibration.js';
import type { Classifier } from '../classifier/classifier.js';
import { describeResultsOn } from '../classifier/results-on.js';
import { formatValue } from './format-results.js';

/** The heading of a training run's results: 'Test results', 'Out-of-fold results', 'Validation results'. */
export function resultsHeading(classifier: Classifier): string {
  const on = classifier.trainingRun!.resultsOn;
  return on === 'test' ? 'Test results' : on === 'out-of-fold' ? 'Out-of-fold results' : 'Validation results';
}

/** How many held-out rows chose the threshold: the validation rows, or an ensemble's out-of-fold rows. */
export function thresholdRows(classifier: Classifier): number {
  const run = classifier.trainingRun!;
  // NOTE: a streamed run keeps no row indices; its pipeline counts the validation rows.
  return classifier.pipeline.threshold?.rows ?? (run.ensemble === undefined ? run.split.validation.length : run.split.train.length);
}

/**
 * What `nnkit train` says of an ensemble, a refit, a calibration and, without test rows, where
 * the results come from.
 */
export function trustLines(classifier: Classifier): string[] {
  const run = classifier.trainingRun!;
  const lines: string[] = [];
  if (run.ensemble !== undefined) {
    lines.push(`Ensemble of ${run.ensemble.members} members, each early-stopped on its own fold; epochs kept: ${run.ensemble.epochs.join(', ')}.`);
  }
  if (run.refit !== undefined) lines.push(`Refit on the training and validation rows for ${run.refit.epochs} epochs (early stopping's choice).`);
  const calibration = run.calibration;
  if (calibration !== undefined) {
    const { before, after } = calibration.results;
    lines.push(
      `Calibration: ${describeCalibration(calibration.map)}, fitted on ${describeFittedOn(calibration)}. On the ${calibration.results.rows} ` +
        `${resultsHeading(classifier).replace(' results', '').toLowerCase()} rows: ECE ${formatValue(before.ece)} → ${formatValue(after.ece)}, ` +
        `Brier ${formatValue(before.brier)} → ${formatValue(after.brier)}, log loss ${formatValue(before.logLoss)} → ${formatValue(after.logLoss)}.`,
    );
  }
  if (run.resultsOn !== 'test') {
    // NOTE: the refit network has trained on the validation rows, so they measure the one before it.
    const before = run.refit === undefined ? '' : ' They are the first network\'s, before the refit trained on those rows too.';
    lines.push(`No test rows: the results below are on ${describeResultsOn(run.resultsOn, run.test.rows)}.${before}`);
  }
  return lines;
}

/**
 * `--json`'s calibration: the saved map and its scores on the rows it was fitted on, and the
 * results' rows before and after it (ECE, Brier score, log loss); null without one.
 */
export function calibrationJson(classifier: Classifier): Record<string, unknown> | null {
  const calibration = classifier.trainingRun!.calibration;
  if (calibration === undefined) return null;
  const { map, fittedOn, rows, before, after, results } = calibration;
  const scores = ({ ece, brier, logLoss }: { ece: number; brier: number; logLoss: number }) => ({ ece, brier, logLoss });
  return { map, fittedOn, rows, before, after, results: { on: classifier.trainingRun!.resultsOn, rows: results.rows, before: scores(results.before), after: scores(results.after) } };
}

/** The plan's lines for an ensemble or a refit, before training starts. */
export function trustPlanLines(settings: { readonly ensemble?: number; readonly refit: boolean }, trainingRows: number): string[] {
  const k = settings.ensemble;
  if (k !== undefined) {
    return [`Ensemble: ${k} members, each trained on ${k - 1} of ${k} stratified folds of the ${trainingRows} training rows and early-stopped on the other; their epochs follow in turn.`];
  }
  return settings.refit ? ['Refit: then a new network on the training and validation rows, for the epochs early stopping keeps.'] : [];
}
