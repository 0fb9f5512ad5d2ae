import { DataError, ShapeError, show } from '../../errors.js';

/** Anything array-like holding numbers: number[], Float32Array, Float64Array, Int32Array... */
export type Numbers = ArrayLike<number>;

/** Rows of class scores (n, K), e.g. softmax outputs. */
export type ScoreRows = readonly ArrayLike<number>[];

/** Checks that there is at least one sample and that `values` has `n` entries. */
export function checkLength(fn: string, what: string, values: { readonly length: number }, n: number): void {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new ShapeError('shape/not-an-array', `${fn}: ${what} should be an array of numbers but got ${show(values)}.`);
  }
  if (values.length !== n) {
    throw new ShapeError(
      'shape/length-mismatch',
      `${fn}: ${what} has ${values.length} entries but yTrue has ${n}; pass one entry per sample.`,
    );
  }
}

function checkNotEmpty(fn: string, n: number): void {
  if (n === 0) {
    throw new DataError('data/empty', `${fn}: yTrue is empty; pass at least one sample.`);
  }
}

/** Binary labels as float64 0/1, rejecting anything else with the row where it was found. */
export function binaryLabels(fn: string, yTrue: Numbers): Float64Array {
  checkLength(fn, 'yTrue', yTrue, yTrue?.length ?? 0);
  checkNotEmpty(fn, yTrue.length);
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const v = yTrue[i];
    if (v !== 0 && v !== 1) {
      throw new DataError(
        'data/not-binary',
        `${fn}: yTrue[${i}] is ${show(v)} but binary labels must be 0 or 1; ` +
          'map your classes to 0 (negative) and 1 (positive) first.',
        { row: i },
      );
    }
    out[i] = v;
  }
  return out;
}

/** Class labels as non-negative integers. */
export function classLabels(fn: string, what: string, y: Numbers, n: number): Int32Array {
  checkLength(fn, what, y, n);
  checkNotEmpty(fn, n);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new DataError(
        'data/not-a-class',
        `${fn}: ${what}[${i}] is ${show(v)} but class labels must be integers 0, 1, 2, ...; ` +
          'encode string classes as indices first.',
        { row: i },
      );
    }
    out[i] = v;
  }
  return out;
}

/** Scores (probabilities or any real score) as float64, rejecting NaN and Infinity. */
export function finiteScores(fn: string, what: string, values: Numbers, n: number): Float64Array {
  checkLength(fn, what, values, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DataError('data/not-finite', `${fn}: ${what}[${i}] is ${show(v)}; scores must be finite numbers.`, { row: i });
    }
    out[i] = v;
  }
  return out;
}

/** Probabilities in [0, 1] (scikit-learn raises for Brier scores outside it; so do we). */
export function probabilities(fn: string, what: string, values: Numbers, n: number): Float64Array {
  const out = finiteScores(fn, what, values, n);
  for (let i = 0; i < n; i++) {
    if (out[i] < 0 || out[i] > 1) {
      throw new DataError(
        'data/not-a-probability',
        `${fn}: ${what}[${i}] is ${show(out[i])} but must be a probability in [0, 1]; ` +
          'apply a sigmoid to logits before evaluating.',
        { row: i },
      );
    }
  }
  return out;
}

/** Sample weights as float64 (non-negative, finite), or undefined when none were given. */
export function sampleWeights(fn: string, sampleWeight: Numbers | undefined, n: number): Float64Array | undefined {
  if (sampleWeight === undefined) return undefined;
  const out = finiteScores(fn, 'sampleWeight', sampleWeight, n);
  for (let i = 0; i < n; i++) {
    if (out[i] < 0) {
      throw new DataError('data/negative-weight', `${fn}: sampleWeight[${i}] is ${show(out[i])}; weights must be >= 0.`, {
        row: i,
      });
    }
  }
  return out;
}

/** Weighted mean sum(w·x) / sum(w), or the plain mean without weights (numpy.average). */
export function weightedMean(fn: string, values: Float64Array, weights: Float64Array | undefined): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i] : 1;
    sum += w * values[i];
    total += w;
  }
  if (total === 0) {
    // NOTE: numpy.average raises ZeroDivisionError here, and so does scikit-learn.
    throw new DataError('data/zero-weight', `${fn}: every sample weight is 0, so the weighted mean is undefined; give some samples weight.`);
  }
  return sum / total;
}
