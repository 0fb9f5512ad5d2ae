/**
 * The known option nearest to a mistyped one (`--epoch` → `--epochs`, `--learnig-rate` →
 * `--learning-rate`, `--modle` → `--model`), or undefined when none is close: at most two edits
 * apart (a third of the name), or one name starting with the other.
 */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
  const name = typed.replace(/^-+/, '').toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of known) {
    const candidate = option.replace(/^-+/, '');
    const distance = name.length >= 3 && (candidate.startsWith(name) || name.startsWith(candidate)) ? 1 : editDistance(name, candidate);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.min(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), so
 * that `--modle` is one edit from `--model`: insertions, deletions, substitutions, swaps.
 */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
