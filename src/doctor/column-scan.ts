import { PairCounter, separationOfTwo, type Separation } from './class-separation.js';
import { radixSort } from './radix-sort.js';

/** What one pass over a column's training rows tells the leakage and identifier checks. */
export interface ColumnScan {
  /** The column alone against the labels; undefined when no two classes have enough rows. */
  readonly separation: Separation | undefined;
  /** Training rows scanned, and those where the column is missing. */
  readonly rows: number;
  readonly missing: number;
  /** Distinct present values (categories for a categorical column). */
  readonly distinct: number;
  /** Numeric columns: every present value is a whole number. */
  readonly integers: boolean;
  /** Numeric columns: the present values rise (or fall) strictly with the row number. */
  readonly monotone: boolean;
}

/** The training rows: `rows[i]` is training row i's position in the columns, `classes[i]` its class. */
export interface ScannedRows {
  readonly rows: Int32Array;
  readonly classes: Int32Array;
  readonly classCount: number;
  /** Training row indices ordered by position (file order). */
  readonly byPosition: Int32Array;
  /**
   * Four arrays of rows.length the numeric scans sort in, reused column after column. NOTE: a
   * fresh 400 kB typed array costs about as much as sorting it (its pages are faulted in).
   */
  readonly scratch?: SortScratch;
}

/** Buffers for one radix sort of keys with a payload. */
export interface SortScratch {
  readonly keys: Uint32Array;
  readonly payload: Int32Array;
  readonly spareKeys: Uint32Array;
  readonly sparePayload: Int32Array;
}

/** Sort buffers for `n` rows. */
export function sortScratch(n: number): SortScratch {
  return { keys: new Uint32Array(n), payload: new Int32Array(n), spareKeys: new Uint32Array(n), sparePayload: new Int32Array(n) };
}

/**
 * The float32 bit pattern `b` as an unsigned 32-bit key ordered as the values are; NaN (missing)
 * is 0, below all, and −0 is +0.
 */
function sortKey(b: number): number {
  if ((b & 0x7fffffff) > 0x7f800000) return 0;
  const bits = b === 0x80000000 ? 0 : b;
  return (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;
}

/** Where a numeric column's values sit: position p at values[offset + p · stride]. */
export interface NumericValues {
  readonly values: Float32Array;
  readonly offset?: number;
  readonly stride?: number;
}

/**
 * Scans a numeric column (NaN missing) over the training rows: sorts the rows by value once
 * (radix sort of order-preserving 32-bit keys read off the float32 bits, the class carried
 * along), then walks the runs of equal values, counting for every pair of classes the pairs in
 * order. NOTE: missing values form one run below every value, so a column that is missing
 * exactly for one class separates it too (a cancellation date only churned customers have).
 */
export function scanNumeric(column: NumericValues, data: ScannedRows): ColumnScan {
  const { rows, classes, classCount } = data;
  const { values, offset = 0, stride = 1 } = column;
  const n = rows.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const scratch = data.scratch ?? sortScratch(n);
  const { keys, payload } = scratch;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const at = offset + rows[i] * stride;
    keys[i] = sortKey(bits[at]);
    payload[i] = classes[i];
    if (integers) {
      const value = values[at];
      if (value === value && !Number.isInteger(value)) integers = false;
    }
  }
  const sorted = radixSort(keys, payload, scratch.spareKeys, scratch.sparePayload);
  const walked = classCount === 2 ? walkTwo(sorted.keys, sorted.payload) : walkMany(sorted.keys, sorted.payload, classCount);
  const present = n - walked.missing;
  // NOTE: only an all-distinct column can be an identifier, so only it needs the order check.
  const monotone = walked.distinct === present && present > 1 && isMonotone(column, data);
  return { ...walked, rows: n, integers, monotone };
}

type Walked = Pick<ColumnScan, 'separation' | 'missing' | 'distinct'>;

/**
 * Calls `visit(start, end)` for each run of equal keys (sorted keys: equal values are adjacent)
 * and counts the missing rows (key 0) and the distinct present values on the way.
 */
function walkRuns(keys: Uint32Array, visit: (start: number, end: number) => void): Pick<ColumnScan, 'missing' | 'distinct'> {
  const n = keys.length;
  let missing = 0;
  let distinct = 0;
  for (let start = 0; start < n;) {
    const key = keys[start];
    let end = start + 1;
    while (end < n && keys[end] === key) end++;
    if (key === 0) missing = end - start;
    else distinct++;
    visit(start, end);
    start = end;
  }
  return { missing, distinct };
}

/** Two classes: the Mann–Whitney count of class-0 rows below class-1 rows, ties half. */
function walkTwo(keys: Uint32Array, classes: Int32Array): Walked {
  let below = 0;
  let seen0 = 0;
  let seen1 = 0;
  const counts = walkRuns(keys, (start, end) => {
    let ones = 0;
    for (let r = start; r < end; r++) ones += classes[r];
    const zeros = end - start - ones;
    below += ones * seen0 + 0.5 * zeros * ones;
    seen0 += zeros;
    seen1 += ones;
  });
  return { separation: separationOfTwo(below, seen0, seen1), ...counts };
}

/** K classes: the pairwise counts (PairCounter) over the runs of equal values. */
function walkMany(keys: Uint32Array, classes: Int32Array, k: number): Walked {
  const counter = new PairCounter(k);
  const count = new Float64Array(k);
  const present: number[] = [];
  const counts = walkRuns(keys, (start, end) => {
    if (end === start + 1) return counter.addOne(classes[start]);
    for (let r = start; r < end; r++) {
      const c = classes[r];
      if (count[c] === 0) present.push(c);
      count[c]++;
    }
    counter.add(count, present);
    for (const c of present) count[c] = 0;
    present.length = 0;
  });
  return { separation: counter.separation(), ...counts };
}

/** Whether the present values rise strictly, or fall strictly, in the rows' file order. */
function isMonotone({ values, offset = 0, stride = 1 }: NumericValues, data: ScannedRows): boolean {
  let rising = true;
  let falling = true;
  let previous = Number.NaN;
  for (let j = 0; j < data.byPosition.length && (rising || falling); j++) {
    const value = values[offset + data.rows[data.byPosition[j]] * stride];
    if (value !== value) continue;
    if (previous === previous) {
      if (!(value > previous)) rising = false;
      if (!(value < previous)) falling = false;
    }
    previous = value;
  }
  return rising || falling;
}
