import { DataError } from '../../errors.js';

const EPS = 1e-15;

/**
 * Temperature scaling (Guo et al. 2017): the one T > 0 that minimizes the log loss of
 * softmax(logits / T), found by Newton's method on 1/T (the loss is convex in it). The ranking,
 * and so ROC-AUC and the most probable class, are unchanged. `probabilities` (rows × columns,
 * row-major) are the model's: columns 1 for the positive class of a binary model, else one per
 * class; `labels` (rows) class indices. Their logits are log p (and log p − log(1 − p) for one
 * column), probabilities clipped to [1e-15, 1 − 1e-15]. When no row is on the wrong side (every
 * label's logit is its row's largest, see temperatureUnbounded), the loss falls for ever as T → 0:
 * no temperature minimizes it, and 1 is returned (the probabilities as they are).
 */
export function temperatureScaling(probabilities: ArrayLike<number>, labels: ArrayLike<number>, columns: number): number {
  const rows = labels.length;
  if (rows === 0 || probabilities.length !== rows * columns) {
    throw new DataError('data/length-mismatch', `temperatureScaling needs ${columns} probabilities per label, but got ${probabilities.length} for ${labels.length} labels.`);
  }
  const z = logits(probabilities, columns);
  if (unbounded(z, labels, columns)) return 1;
  // loss(s), its first and second derivative in s = 1/T
  const at = (s: number): [number, number, number] => {
    let loss = 0, d1 = 0, d2 = 0;
    for (let i = 0; i < rows; i++) {
      if (columns === 1) {
        const u = s * z[i];
        const q = 1 / (1 + Math.exp(-u));
        loss += labels[i] > 0 ? softplus(-u) : softplus(u);
        d1 += (q - (labels[i] > 0 ? 1 : 0)) * z[i];
        d2 += q * (1 - q) * z[i] * z[i];
        continue;
      }
      let top = -Infinity;
      for (let k = 0; k < columns; k++) top = Math.max(top, s * z[i * columns + k]);
      let sum = 0, mean = 0, square = 0;
      for (let k = 0; k < columns; k++) {
        const value = z[i * columns + k];
        const e = Math.exp(s * value - top);
        sum += e;
        mean += e * value;
        square += e * value * value;
      }
      mean /= sum;
      loss += top + Math.log(sum) - s * z[i * columns + labels[i]];
      d1 += mean - z[i * columns + labels[i]];
      d2 += square / sum - mean * mean;
    }
    return [loss, d1, d2];
  };
  let s = 1;
  let [loss, d1, d2] = at(s);
  for (let iteration = 0; iteration < 200 && Math.abs(d1) > 1e-13 * rows; iteration++) {
    let step = d2 > 0 ? -d1 / d2 : -Math.sign(d1) * s;
    // NOTE: keep s positive and the loss falling; halve the step until both hold.
    let next = s + step;
    let trial = next > 0 ? at(next) : undefined;
    while ((trial === undefined || trial[0] > loss) && Math.abs(step) > 1e-16 * s) {
      step /= 2;
      next = s + step;
      trial = next > 0 ? at(next) : undefined;
    }
    if (trial === undefined || trial[0] > loss) break;
    s = next;
    [loss, d1, d2] = trial;
  }
  return 1 / s;
}

/** Probabilities (rows × columns) at temperature T: σ(logit / T), or softmax(log p / T) per row. */
export function applyTemperature(probabilities: ArrayLike<number>, columns: number, temperature: number): Float64Array {
  const z = logits(probabilities, columns);
  if (columns === 1) return Float64Array.from(z, (value) => 1 / (1 + Math.exp(-value / temperature)));
  const out = new Float64Array(z.length);
  for (let row = 0; row < z.length / columns; row++) {
    let top = -Infinity;
    for (let k = 0; k < columns; k++) top = Math.max(top, z[row * columns + k] / temperature);
    let sum = 0;
    for (let k = 0; k < columns; k++) sum += out[row * columns + k] = Math.exp(z[row * columns + k] / temperature - top);
    for (let k = 0; k < columns; k++) out[row * columns + k] /= sum;
  }
  return out;
}

/**
 * Whether temperature scaling has no minimum on these rows: no row is on the wrong side (binary:
 * every positive's probability at least 0.5 and every negative's at most 0.5; else every label's
 * probability the largest of its row), so sharpening never raises the log loss.
 */
export function temperatureUnbounded(probabilities: ArrayLike<number>, labels: ArrayLike<number>, columns: number): boolean {
  return unbounded(logits(probabilities, columns), labels, columns);
}

function unbounded(z: Float64Array, labels: ArrayLike<number>, columns: number): boolean {
  for (let i = 0; i < labels.length; i++) {
    if (columns === 1) {
      if ((labels[i] > 0 ? z[i] : -z[i]) < 0) return false;
      continue;
    }
    const own = z[i * columns + labels[i]];
    for (let k = 0; k < columns; k++) if (z[i * columns + k] > own) return false;
  }
  return true;
}

function logits(probabilities: ArrayLike<number>, columns: number): Float64Array {
  return Float64Array.from(probabilities as ArrayLike<number>, (p) => {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    return columns === 1 ? Math.log(q) - Math.log1p(-q) : Math.log(q);
  });
}

function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}
