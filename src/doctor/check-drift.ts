import { kernels } from '../kernels/backend.js';
import { emptyColumnRanges } from '../kernels/kernels.js';
import type { Tensor } from '../tensor/tensor.js';
import { diagnose, raise, type Diagnostic, type DiagnosticStage } from './diagnostic.js';
import type { FeatureStats } from './feature-stats.js';
import { short } from './format.js';

/** How far past the training range, in training ranges, a value counts as far outside. */
const MARGIN = 0.5;
/** Share of rows far outside in one column that makes it drift (a single row in small batches). */
const SHARE = 0.05;
const SHOWN = 5;

/** Per column, the float32 bounds beyond which a value lies far outside the training range. */
export interface DriftBounds {
  readonly low: Float32Array;
  readonly high: Float32Array;
}

/**
 * The bounds of the drift check: half a training range beyond the training min and max. NOTE:
 * the kernel compares in float32; bounds rounded outward to float32 count exactly the float32
 * values beyond the float64 bounds. A column constant in training gets none.
 */
export function driftBounds(stats: FeatureStats): DriftBounds {
  const cols = stats.min.length;
  const low = new Float32Array(cols).fill(-Infinity);
  const high = new Float32Array(cols).fill(Infinity);
  for (let j = 0; j < cols; j++) {
    const range = stats.max[j] - stats.min[j];
    if (!(range > 0)) continue;
    low[j] = float32AtLeast(stats.min[j] - MARGIN * range);
    high[j] = float32AtMost(stats.max[j] + MARGIN * range);
  }
  return { low, high };
}

/**
 * Compares new inputs with the training ranges: a column drifts when at least 5% of the rows
 * (and at least one) lie more than half a training range beyond its min or max. Columns that
 * were constant in training have no scale to judge by and are skipped.
 */
export function driftDiagnostic(
  stats: FeatureStats, x: Tensor, stage: DiagnosticStage, names?: readonly string[],
): Diagnostic | undefined {
  const { rows, cols, data } = x;
  if (rows === 0 || cols !== stats.min.length) return undefined;
  const { low, high } = driftBounds(stats);
  const ranges = emptyColumnRanges(cols);
  kernels().scans.columnRanges(data, rows, cols, low, high, ranges);
  return driftFromRanges(stats, ranges, rows, stage, names);
}

/**
 * `driftDiagnostic` from column ranges already scanned (`DataScans.columnRanges` over all `rows`
 * rows, with `driftBounds`), as predict does chunk by chunk.
 */
export function driftFromRanges(
  stats: FeatureStats, ranges: Float64Array, rows: number, stage: DiagnosticStage,
  names?: readonly string[],
): Diagnostic | undefined {
  const cols = stats.min.length;
  const drifted: {
    column: number; name?: string; count: number; min: number; max: number; trainMin: number; trainMax: number;
  }[] = [];
  for (let j = 0; j < cols; j++) {
    const count = ranges[2 * cols + j];
    if (count > 0 && count >= SHARE * rows) {
      const name = names?.[j] !== undefined ? { name: names[j] } : {};
      const [min, max] = [ranges[j], ranges[cols + j]];
      drifted.push({ column: j, ...name, count, min, max, trainMin: stats.min[j], trainMax: stats.max[j] });
    }
  }
  if (drifted.length === 0) return undefined;
  drifted.sort((a, b) => b.count - a.count);
  const label = (d: (typeof drifted)[number]) => (d.name !== undefined ? `"${d.name}"` : `column ${d.column}`);
  const shown = drifted.slice(0, SHOWN).map((d) =>
    `${label(d)}: ${d.count} of ${rows} rows, values ${short(d.min)} to ${short(d.max)} ` +
      `(training ${short(d.trainMin)} to ${short(d.trainMax)})`);
  return diagnose('feature-drift', stage, {
    what: `${drifted.length} of ${cols} input columns lie far outside the range the model was ` +
      `trained on: ${shown.join('; ')}${drifted.length > SHOWN ? '; …' : ''}.`,
    why: 'A network extrapolates unpredictably beyond its training range, so these predictions ' +
      'are guesses; a whole column far off usually means the inputs were not preprocessed the ' +
      'way the training rows were.',
    fix: 'Apply the same preprocessing as in training (the same StandardScaler, fitted on the ' +
      'training rows) and check the columns\' units and order; if the data really changed, ' +
      'retrain on recent rows.',
  }, { columns: drifted });
}

const bits = new Float32Array(1);
const bitsAsInt = new Int32Array(bits.buffer);

/** The float32 next to f (a float32 value, not NaN) towards +Infinity (up) or -Infinity. */
function nextFloat32(f: number, up: boolean): number {
  if (f === 0) return up ? 2 ** -149 : -(2 ** -149);
  bits[0] = f;
  // NOTE: float32 bit patterns order like sign-magnitude integers.
  bitsAsInt[0] += (f > 0) === up ? 1 : -1;
  return bits[0];
}

/** The smallest float32 at or above v. */
function float32AtLeast(v: number): number {
  const f = Math.fround(v);
  return f < v ? nextFloat32(f, true) : f;
}

/** The largest float32 at or below v. */
function float32AtMost(v: number): number {
  const f = Math.fround(v);
  return f > v ? nextFloat32(f, false) : f;
}

/** out (rows, cols): throws 'nonfinite-predictions' naming the first rows with NaN or Infinity. */
export function checkPredictions(out: Float32Array, rows: number, cols: number, stage: DiagnosticStage): void {
  // NOTE: the kernels count in one fast pass; only a bad output needs the rows found.
  if (kernels().scans.countNonFinite(out, rows * cols) === 0) return;
  const bad: number[] = [];
  let count = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (Number.isFinite(out[i * cols + j])) continue;
      count++;
      if (bad.length < SHOWN) bad.push(i);
      break;
    }
  }
  if (count === 0) return;
  raise(diagnose('nonfinite-predictions', stage, {
    what: `The model output NaN or Infinity for ${count} of ${rows} rows (e.g. rows ` +
      `${bad.join(', ')}).`,
    why: 'Such outputs are no prediction at all, and every metric computed from them would be ' +
      'NaN too; they come from weights that diverged or inputs so large that float32 arithmetic ' +
      'overflows.',
    fix: 'Scale the inputs as in training (values near 0, e.g. standardized), and retrain with a ' +
      'lower learning rate if the weights diverged; model.getWeights() shows whether they hold ' +
      'NaN.',
  }, { count, rows: bad }), { row: bad[0] });
}
