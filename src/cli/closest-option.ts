/**
 * The known option nearest to a mistyped one (`--epoch` → `--epochs`, `--learnig-rate` →
 * `--learning-rate`), or undefined when none is close: at most two edits apart, or one name
 * starting with the other.
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

/** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
