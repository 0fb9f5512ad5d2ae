import { diagnose, type Diagnostic } from './diagnostic.js';
import { classShares } from './label-classes.js';

/** Epochs in a row of rising validation loss (with falling training loss) that mean overfitting. */
const OVERFIT_EPOCHS = 3;
/** How far above its best the validation loss must end, so a flat curve's noise is not flagged. */
const OVERFIT_RISE = 1.05;
/** An epoch loss this many times the best one so far, and worse than at the start, has exploded. */
const EXPLODE_FACTOR = 10;
/** Share of predictions in one class that counts as "predicting one class". */
const STUCK_SHARE = 0.99;
/** Epochs in a row, at the end of fit, stuck on one class before the doctor says so. */
const STUCK_EPOCHS = 2;

const format = (v: number) => (Number.isFinite(v) ? v.toPrecision(4) : String(v));

/** 'loss-not-finite': training stopped because `what`; the model now holds `restored`. */
export function lossNotFinite(
  what: string, restored: string, epoch: number, restoredEpoch: number,
): Diagnostic {
  return diagnose('loss-not-finite', 'training', {
    what: `Training stopped: ${what}.`,
    why: 'Once a weight is NaN or infinite every prediction is too, and training cannot recover.',
    fix: `The model now holds ${restored}. Lower the learning rate (e.g. 10 times), ` +
      `standardize the features, or set clipnorm: 1 on the optimizer; check the data for ` +
      `extreme values.`,
  }, { epoch, restoredEpoch });
}

/** Whether an epoch's loss exploded: over EXPLODE_FACTOR times the best so far, above the first. */
export function hasExploded(loss: number, bestLoss: number, firstLoss: number): boolean {
  return loss > EXPLODE_FACTOR * bestLoss && loss > firstLoss;
}

/** 'loss-exploding': training stopped at `epoch`; the model now holds `restored`. */
export function lossExploding(
  loss: number, bestLoss: number, epoch: number, restored: string,
): Diagnostic {
  return diagnose('loss-exploding', 'training', {
    what: `Training stopped: the loss jumped to ${format(loss)} at epoch ${epoch + 1}, over ` +
      `${EXPLODE_FACTOR} times its best value ${format(bestLoss)}.`,
    why: 'Steps that large throw the weights away from any minimum; left running, the loss ' +
      'usually goes on to NaN.',
    fix: `The model now holds ${restored}. Lower the learning rate (e.g. 10 times), ` +
      `standardize the features, or set clipnorm: 1 on the optimizer.`,
  }, { epoch, loss, bestLoss });
}

/**
 * 'overfitting' when, over the epochs so far (one training and one validation loss each), the
 * validation loss rose for OVERFIT_EPOCHS epochs in a row while the training loss fell, and
 * ended well above its best; otherwise undefined.
 */
export function overfitting(
  losses: readonly number[], valLosses: readonly number[], epoch: number,
): Diagnostic | undefined {
  const n = valLosses.length;
  if (n !== losses.length || n <= OVERFIT_EPOCHS) return undefined;
  for (let i = n - OVERFIT_EPOCHS; i < n; i++) {
    if (!(valLosses[i] > valLosses[i - 1] && losses[i] < losses[i - 1])) return undefined;
  }
  const best = Math.min(...valLosses);
  if (valLosses[n - 1] < OVERFIT_RISE * best) return undefined;
  const bestEpoch = valLosses.indexOf(best);
  return diagnose('overfitting', 'training', {
    what: `Validation loss rose for ${OVERFIT_EPOCHS} epochs in a row (from ${format(best)} at ` +
      `epoch ${bestEpoch + 1} to ${format(valLosses[n - 1])} at epoch ${epoch + 1}) while ` +
      `the training loss kept falling.`,
    why: 'The model is fitting details of the training rows that do not carry over to new ' +
      'rows; validation scores will keep getting worse.',
    fix: "Add callbacks: [nn.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3, " +
      "restoreBestWeights: true })], add Dropout or an L2 kernelRegularizer, use fewer units, " +
      "or get more data.",
  }, { bestEpoch, bestValLoss: best, epoch });
}

/** One epoch's predicted classes: the most predicted, its share, and whether that is "stuck". */
export interface EpochPredictions {
  readonly top: number;
  readonly share: number;
  /** Training rows of the other classes the model predicted as their own class. */
  readonly othersFound: number;
  readonly stuck: boolean;
}

/**
 * Reads one epoch's count of predicted rows per class (and of rows predicted as their own class,
 * `found`) against the labels' class counts: stuck when nearly every row goes to one class and
 * either that class is not nearly every label, or the model found none of the other rows.
 * NOTE: on imbalanced labels (a majority over 95%) a working model too predicts the majority for
 * 99% of the rows, so share alone cannot tell; finding none of the rare rows can (recall 0).
 */
export function epochPredictions(
  predicted: readonly number[], labelCounts: readonly number[], found: readonly number[],
): EpochPredictions {
  const total = predicted.reduce((a, b) => a + b, 0);
  const { shares, present } = classShares(labelCounts);
  let top = 0;
  for (let c = 1; c < predicted.length; c++) if (predicted[c] > predicted[top]) top = c;
  const share = total === 0 ? 0 : predicted[top] / total;
  const othersFound = found.reduce((sum, n, c) => (c === top ? sum : sum + n), 0);
  const oneSided = (shares[top] ?? 0) <= 0.95 || othersFound === 0;
  return { top, share, othersFound, stuck: present >= 2 && share >= STUCK_SHARE && oneSided };
}

/**
 * 'stuck-one-class' when the last `epochs` epochs of a fit all predicted class `top` for a share
 * `share` of the rows (STUCK_EPOCHS at least); `logs` are the last epoch's, for its accuracy;
 * `rareClassAdvice` says how the caller weighs classes, when not through fit's classWeight.
 */
export function stuckOneClass(
  last: { readonly top: number; readonly share: number; readonly othersFound: number; readonly epochs: number },
  labelCounts: readonly number[], logs: Readonly<Record<string, number>>, rareClassAdvice?: string,
): Diagnostic | undefined {
  if (last.epochs < STUCK_EPOCHS) return undefined;
  const { shares, majority } = classShares(labelCounts);
  const accuracyKey = Object.keys(logs).find((k) => !k.startsWith('val_') && /acc/.test(k));
  const accuracy = accuracyKey === undefined ? ''
    : ` Its ${accuracyKey} (${format(logs[accuracyKey])}) sits at the majority baseline ` +
      `(${format(shares[majority])}).`;
  const c = last.top;
  const others = labelCounts.reduce((sum, n, k) => (k === c ? sum : sum + n), 0);
  const rare = (shares[c] ?? 0) > 0.95;
  const missed = last.othersFound === 0
    ? ` It found none of the ${others} rows of the other class${labelCounts.length > 2 ? 'es' : ''} (recall 0).`
    : '';
  return diagnose('stuck-one-class', 'training', {
    what: `For the last ${last.epochs} epochs the model predicted class ${c} for ` +
      `${(100 * last.share).toFixed(1)}% of the training rows, while ` +
      `${(100 * (shares[c] ?? 0)).toFixed(1)}% of the labels are class ${c}.${missed}${accuracy}`,
    why: 'A model that outputs one class has learned the class balance, not the features: it ' +
      'finds none of the other rows, and its accuracy only reflects how common that class is' +
      (rare ? ', which on labels this imbalanced looks excellent.' : '.'),
    fix: `${rareClassAdvice ?? 'Pass classWeight to fit so the rare class counts as much as the common one ' +
      '(balanced weights, e.g. { 0: 1, 1: 5 } for one positive in six).'} Standardize the features, ` +
      'check that the labels line up with the rows, and try a higher learning rate or more epochs.',
  }, {
    class: c, predictedShare: last.share, labelShare: shares[c] ?? 0, othersFound: last.othersFound, epochs: last.epochs,
  });
}
