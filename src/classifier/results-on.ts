/**
 * The rows a training run's results are measured on: the held-out test rows; with no test rows
 * (testSplit 0), the ensemble's out-of-fold predictions, or else the validation rows.
 */
export type ResultsOn = 'test' | 'out-of-fold' | 'validation';

/** Where the results come from, in words, for the CLI and the report. */
export function describeResultsOn(on: ResultsOn, rows: number): string {
  switch (on) {
    case 'test':
      return `the ${rows} test rows, which training, early stopping and the threshold never saw`;
    case 'out-of-fold':
      return `out-of-fold predictions of all ${rows} rows (each from the ensemble member that did not train on it; ` +
        'the threshold and calibration were chosen on them too, so they lean optimistic)';
    case 'validation':
      return `the ${rows} validation rows, which also chose the epoch and the threshold, so the figures are optimistic ` +
        '(no test rows: add an ensemble for out-of-fold results, or evaluate a file of your own)';
  }
}
