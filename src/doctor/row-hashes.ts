import type { Tensor } from '../tensor/tensor.js';

/** Murmur3's 32-bit mix of one row's float32 bit patterns, with -0 read as 0. */
function hashRow(bits: Uint32Array, offset: number, cols: number, seed: number): number {
  let h = seed;
  for (let j = 0; j < cols; j++) {
    let k = bits[offset + j];
    if (k === 0x80000000) k = 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= cols;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** x (rows, cols) → one 53-bit hash per row (two seeded 32-bit hashes joined). */
function hashRows(x: Tensor): Float64Array {
  const cols = x.cols;
  const bits = new Uint32Array(x.data.buffer, x.data.byteOffset, x.data.length);
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    const high = hashRow(bits, i * cols, cols, 0x9747b28c);
    const low = hashRow(bits, i * cols, cols, 0x1b873593) >>> 11;
    out[i] = high * 2 ** 21 + low;
  }
  return out;
}

/**
 * A compact set of row fingerprints: 8 bytes per row, sorted for binary search. Two rows match
 * when every value is bit-identical as float32; with 53-bit hashes a false match needs about
 * 2^26 rows on each side, far beyond a classifier's training set.
 */
export class RowHashes {
  private readonly sorted: Float64Array;
  /** Rows equal to an earlier row of the same data. */
  readonly duplicates: number;

  constructor(x: Tensor) {
    this.sorted = hashRows(x).sort();
    let duplicates = 0;
    for (let i = 1; i < this.sorted.length; i++) if (this.sorted[i] === this.sorted[i - 1]) duplicates++;
    this.duplicates = duplicates;
  }

  get size(): number {
    return this.sorted.length;
  }

  private has(hash: number): boolean {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.sorted[mid];
      if (v === hash) return true;
      if (v < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Rows of x that also appear in this set, and the first few of their indices. */
  overlap(x: Tensor, keep = 5): { count: number; rows: number[] } {
    const hashes = hashRows(x);
    const rows: number[] = [];
    let count = 0;
    for (let i = 0; i < hashes.length; i++) {
      if (!this.has(hashes[i])) continue;
      count++;
      if (rows.length < keep) rows.push(i);
    }
    return { count, rows };
  }
}
