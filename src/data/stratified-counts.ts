/**
 * How many rows of each class go to each part of a stratified split: counts[class][part], with
 * every count its exact share (classSize × fraction) rounded down or up, every class fully used
 * and every part exactly `sizes[part]` rows.
 *
 * Such a rounding always exists (controlled rounding of a two-way table: the transportation
 * polytope has integer vertices). Start from the rounded-down shares; the leftover rows of each
 * class (fewer than the number of parts) are then handed out one per cell, first greedily to the
 * largest remainders, then along augmenting paths (a unit moves from one class to another within
 * a part to make room) until every class is placed.
 */
export function stratifiedCounts(classSizes: readonly number[], fractions: readonly number[], sizes: readonly number[]): number[][] {
  // NOTE: a share within 1e-9 of an integer is that integer (12 × 7/42 is 1.9999999999999998),
  // and a whole share may not be rounded up.
  const quota = classSizes.map((size) => fractions.map((f) => snap(size * f)));
  const counts = quota.map((row) => row.map(Math.floor));
  const open = quota.map((row) => row.map((q) => q !== Math.floor(q)));
  const rowLeft = classSizes.map((size, k) => size - counts[k].reduce((a, b) => a + b, 0));
  const columnLeft = sizes.map((size, j) => size - counts.reduce((sum, row) => sum + row[j], 0));
  const extra = quota.map((row) => row.map(() => false));
  const cells = quota.flatMap((row, k) => row.map((q, j) => ({ k, j, remainder: q - Math.floor(q) })));
  cells.sort((a, b) => b.remainder - a.remainder || a.k - b.k || a.j - b.j);
  for (const { k, j } of cells) {
    if (open[k][j] && rowLeft[k] > 0 && columnLeft[j] > 0) {
      extra[k][j] = true;
      rowLeft[k]--;
      columnLeft[j]--;
    }
  }
  rowLeft.forEach((_, k) => {
    while (rowLeft[k] > 0) {
      const path = augmentingPath(k, extra, open, columnLeft);
      if (path === undefined) throw new Error(`stratifiedCounts: no rounding found for class ${k} (an nnkit bug; please report it).`);
      // path alternates class, part, class, part, ...: add at (class, next part), remove at (next class, part).
      for (let i = 0; i + 1 < path.length; i += 2) {
        extra[path[i]][path[i + 1]] = true;
        if (i + 2 < path.length) extra[path[i + 2]][path[i + 1]] = false;
      }
      rowLeft[k]--;
      columnLeft[path[path.length - 1]]--;
    }
  });
  return counts.map((row, k) => row.map((count, j) => count + (extra[k][j] ? 1 : 0)));
}

/**
 * Breadth-first search from class `start` for a part with room, through parts where the class may
 * still round up and classes that hold an extra in that part (and could move it elsewhere).
 */
function augmentingPath(start: number, extra: boolean[][], open: boolean[][], columnLeft: number[]): number[] | undefined {
  const classes = extra.length;
  const parts = columnLeft.length;
  const classParent = new Int32Array(classes).fill(-2);
  const partParent = new Int32Array(parts).fill(-1);
  classParent[start] = -1;
  const queue = [start];
  while (queue.length > 0) {
    const k = queue.shift()!;
    for (let j = 0; j < parts; j++) {
      if (!open[k][j] || extra[k][j] || partParent[j] >= 0) continue;
      partParent[j] = k;
      if (columnLeft[j] > 0) {
        // Walk back to the start: [k0, j0, k1, j1, ..., k, j].
        const path = [j];
        for (let c = k; ; c = partParent[classParent[c]]) {
          path.unshift(c);
          if (classParent[c] === -1) return path;
          path.unshift(classParent[c]);
        }
      }
      for (let other = 0; other < classes; other++) {
        if (extra[other][j] && classParent[other] === -2) {
          classParent[other] = j;
          queue.push(other);
        }
      }
    }
  }
  return undefined;
}

/** `value` itself, or the integer it is within 1e-9 of (floating-point products like n × 7/42). */
export function snap(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-9 ? nearest : value;
}
