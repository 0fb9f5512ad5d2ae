/** Bits per pass: 2,048 buckets, three passes for 32-bit keys. */
const DIGIT = 11;
const BUCKETS = 1 << DIGIT;

/**
 * Sorts unsigned 32-bit `keys` ascending and carries `payload` along (least significant digit
 * first, stable), using `spareKeys` / `sparePayload` of the same length as scratch space.
 * Returns the arrays that hold the result (the inputs or the spares). A pass whose digit is the
 * same for every key is skipped.
 * NOTE: Node's own typed-array sort takes about 30 ms per 100,000 float64 values; three counting
 * passes take about 2, which keeps the column checks of fit small next to one epoch.
 */
export function radixSort(
  keys: Uint32Array, payload: Int32Array, spareKeys: Uint32Array, sparePayload: Int32Array,
): { keys: Uint32Array; payload: Int32Array } {
  const n = keys.length;
  const count = new Uint32Array(BUCKETS);
  let fromKeys = keys;
  let fromPayload = payload;
  let toKeys = spareKeys;
  let toPayload = sparePayload;
  for (let shift = 0; shift < 32; shift += DIGIT) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(fromKeys[i] >>> shift) & (BUCKETS - 1)]++;
    if (count[(fromKeys[0] >>> shift) & (BUCKETS - 1)] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(fromKeys[i] >>> shift) & (BUCKETS - 1)]++;
      toKeys[at] = fromKeys[i];
      toPayload[at] = fromPayload[i];
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromPayload, toPayload] = [toPayload, fromPayload];
  }
  return { keys: fromKeys, payload: fromPayload };
}
