import type { Tensor } from '../tensor/tensor.js';

/** Murmur3's finish of a 32-bit hash over `words` words. */
function finish(hash: number, words: number): number {
  let h = hash ^ words;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * x (rows, cols) → one 53-bit hash per row: two seeded Murmur3 hashes of the row's float32 bit
 * patterns (−0 read as 0), joined. NOTE: both hashes mix the same scrambled word, so one loop
 * scrambles it once and runs the two hash chains side by side.
 */
export function hashRows(x: Tensor): Float64Array {
  const cols = x.cols;
  const bits = new Uint32Array(x.data.buffer, x.data.byteOffset, x.data.length);
  const out = new Float64Array(x.rows);
  for (let i = 0, row = 0; i < x.rows; i++, row += cols) {
    let high = 0x9747b28c | 0;
    let low = 0x1b873593;
    for (let j = 0; j < cols; j++) {
      let k = bits[row + j];
      if (k === 0x80000000) k = 0;
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      high ^= k;
      high = (high << 13) | (high >>> 19);
      high = (Math.imul(high, 5) + 0xe6546b64) | 0;
      low ^= k;
      low = (low << 13) | (low >>> 19);
      low = (Math.imul(low, 5) + 0xe6546b64) | 0;
    }
    out[i] = finish(high, cols) * 2 ** 21 + (finish(low, cols) >>> 11);
  }
  return out;
}

/** An empty slot of the table: hashes are never negative. */
const EMPTY = -1;

/**
 * A set of row fingerprints: a hash table of 16 bytes per row (open addressing, at most half
 * full). Two rows match when every value is bit-identical as float32; with 53-bit hashes a false
 * match needs about 2^26 rows on each side, far beyond a classifier's training set. A set read
 * back from a saved model (`fromFingerprints`) keeps 32 bits per row: a row of new data then
 * matches by chance with probability rows / 2^32 (one in 40,000 for 100,000 training rows).
 */
export class RowHashes {
  private readonly slots: Float64Array;
  /** Whether the keys are the full 53-bit hashes (true) or their low 32 bits (a saved set). */
  private readonly wide: boolean;
  /** Rows hashed, duplicates included. */
  readonly size: number;
  /** Rows equal to an earlier row of the same data. */
  readonly duplicates: number;

  private constructor(keys: ArrayLike<number>, wide: boolean, counted?: { size: number; duplicates: number }) {
    this.wide = wide;
    this.slots = table(keys.length);
    let duplicates = 0;
    for (let i = 0; i < keys.length; i++) if (!this.insert(keys[i])) duplicates++;
    this.size = counted?.size ?? keys.length;
    this.duplicates = counted?.duplicates ?? duplicates;
  }

  /** The fingerprints of the rows of x (rows, cols). */
  static of(x: Tensor): RowHashes {
    return new RowHashes(hashRows(x), true);
  }

  /** The set a saved model keeps: 32-bit fingerprints of its distinct rows, and the row counts. */
  static fromFingerprints(fingerprints: Uint32Array, size: number, duplicates: number): RowHashes {
    return new RowHashes(fingerprints, false, { size, duplicates });
  }

  /** The distinct rows' 32-bit fingerprints, ascending: what a saved model keeps. */
  fingerprints(): Uint32Array {
    const out: number[] = [];
    for (const slot of this.slots) if (slot !== EMPTY) out.push(slot >>> 0);
    return Uint32Array.from(new Set(out)).sort();
  }

  /** Adds a key (a hash, reduced for a saved set); false when it was there already. */
  private insert(hash: number): boolean {
    const key = this.wide ? hash : hash >>> 0;
    const slot = this.find(key);
    if (this.slots[slot] !== EMPTY) return false;
    this.slots[slot] = key;
    return true;
  }

  // The slot holding `key`, or the empty slot where it would go (linear probing).
  private find(key: number): number {
    const mask = this.slots.length - 1;
    // NOTE: `>>> 0` keeps a hash's low 32 bits exactly, and they are well mixed.
    let slot = (key >>> 0) & mask;
    while (this.slots[slot] !== EMPTY && this.slots[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /** Rows of x that also appear in this set, and the first few of their indices. */
  overlap(x: Tensor, keep = 5): { count: number; rows: number[] } {
    const hashes = hashRows(x);
    const rows: number[] = [];
    let count = 0;
    for (let i = 0; i < hashes.length; i++) {
      const key = this.wide ? hashes[i] : hashes[i] >>> 0;
      if (this.slots[this.find(key)] === EMPTY) continue;
      count++;
      if (rows.length < keep) rows.push(i);
    }
    return { count, rows };
  }
}

/** An empty open-addressing table for `n` keys, at most half full. */
function table(n: number): Float64Array {
  let capacity = 2;
  while (capacity < 2 * n) capacity *= 2;
  return new Float64Array(capacity).fill(EMPTY);
}
