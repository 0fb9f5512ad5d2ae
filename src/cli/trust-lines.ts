import { describeCalibration, describeFittedOn } from '../classifier/calibration.js';
import type { Classifier } from '../classifier/classifier.js';
import { describeResultsOn } from '../classifier/results-on.js';
import { SMALL_TABLE_ROWS, SMALL_TABLE_SETTINGS } from '../classifier/table-size-settings.js';
import type { PlannedSettings, TableSize } from '../classifier/training-plan.js';
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

/** The plan's lines for an ensemble or a refit, before training starts, and why --ensemble auto chose as it did. */
export function trustPlanLines(settings: Pick<PlannedSettings, 'ensemble' | 'refit' | 'auto'>, trainingRows: number): string[] {
  const k = settings.ensemble;
  const auto = settings.auto;
  const why = auto === undefined
    ? []
    : auto.small
      ? [`--ensemble auto: ${auto.rows} training rows, at most ${SMALL_TABLE_ROWS}, so the settings measured best on small tables (unless given): ` +
         `${SMALL_TABLE_SETTINGS.ensemble} members, hidden ${SMALL_TABLE_SETTINGS.hidden.join(',')}, dropout ${SMALL_TABLE_SETTINGS.dropout}, ` +
         `batch ${SMALL_TABLE_SETTINGS.batchSize}, patience ${SMALL_TABLE_SETTINGS.patience} (--ensemble 1 trains one network).`]
      : [`--ensemble auto: ${notSmall(settings.refit, auto)}, so one network (--ensemble 10 trains an ensemble).`];
  if (k !== undefined) {
    return [...why, `Ensemble: ${k} members, each trained on ${k - 1} of ${k} stratified folds of the ${trainingRows} training rows and early-stopped on the other; their epochs follow in turn.`];
  }
  return [...why, ...(settings.refit ? ['Refit: then a new network on the training and validation rows, for the epochs early stopping keeps.'] : [])];
}

function notSmall(refit: boolean, size: TableSize): string {
  if (refit) return 'with --refit';
  if (size.rows > SMALL_TABLE_ROWS) return `${size.rows} training rows, more than ${SMALL_TABLE_ROWS}`;
  return `the smallest class has ${size.smallestClass} training rows, fewer than one for each of ${SMALL_TABLE_SETTINGS.ensemble} members`;
}
