/**
 * How well one column alone tells the classes apart, class pair by class pair: for classes a and
 * b, the ROC AUC of ranking a's rows against b's by the column (Mann–Whitney, ties counting
 * half), read in whichever direction is better, max(AUC, 1 − AUC). 1 means the column alone
 * orders the two classes perfectly; 0.5 means it does not help. For two classes this is the
 * column's own ROC AUC.
 */
export interface Separation {
  /** The worst pair's separation: every pair of classes is separated at least this well. */
  readonly value: number;
  /** That pair's classes (a < b). */
  readonly classes: readonly [number, number];
}

/**
 * Pairs with fewer rows than this in either class are left out: a class of three rows is
 * perfectly separated from another by chance too often (2 / C(n, 3) for a random column).
 */
export const MIN_CLASS_ROWS = 10;

/**
 * Two classes' separation from `below`, the pairs of a class-0 row below a class-1 row (ties
 * half), and the classes' rows; undefined when either has fewer than MIN_CLASS_ROWS.
 */
export function separationOfTwo(below: number, rows0: number, rows1: number): Separation | undefined {
  if (rows0 < MIN_CLASS_ROWS || rows1 < MIN_CLASS_ROWS) return undefined;
  const auc = below / (rows0 * rows1);
  return { value: Math.max(auc, 1 - auc), classes: [0, 1] };
}

/**
 * The pairwise Mann–Whitney counts of groups walked in increasing value order: `groups` calls
 * `visit(count)` once per group of tied rows, where count[k] is the group's rows of class k.
 * Returns u (K × K): u[a·K + b] = pairs of an a-row below a b-row, ties counting half.
 */
export class PairCounter {
  private readonly k: number;
  private readonly seen: Float64Array;
  readonly u: Float64Array;

  constructor(classCount: number) {
    this.k = classCount;
    this.seen = new Float64Array(classCount);
    this.u = new Float64Array(classCount * classCount);
  }

  /** Adds one row of class b with a value of its own (no tie). */
  addOne(b: number): void {
    const { k, seen, u } = this;
    for (let a = 0; a < k; a++) u[a * k + b] += seen[a];
    seen[b]++;
  }

  /** Adds one group of tied rows (`count` per class; `present` lists the classes with rows in it). */
  add(count: Float64Array, present: readonly number[]): void {
    const { k, seen, u } = this;
    for (const b of present) {
      for (let a = 0; a < k; a++) u[a * k + b] += count[b] * seen[a];
      for (const a of present) u[a * k + b] += 0.5 * count[a] * count[b];
    }
    for (const c of present) seen[c] += count[c];
  }

  /** The worst pair's separation among pairs with MIN_CLASS_ROWS rows each; undefined if none. */
  separation(): Separation | undefined {
    const { k, seen, u } = this;
    let worst: Separation | undefined;
    for (let a = 0; a < k; a++) {
      if (seen[a] < MIN_CLASS_ROWS) continue;
      for (let b = a + 1; b < k; b++) {
        if (seen[b] < MIN_CLASS_ROWS) continue;
        const auc = u[a * k + b] / (seen[a] * seen[b]);
        const value = Math.max(auc, 1 - auc);
        if (worst === undefined || value < worst.value) worst = { value, classes: [a, b] };
      }
    }
    return worst;
  }
}
