import { diagnose, raise } from './diagnostic.js';

/** `names` when they are `count` strings, one per column of the data checked; else undefined. */
export function matchingNames(
  names: readonly string[] | undefined, count: number,
): readonly string[] | undefined {
  if (!Array.isArray(names) || names.length !== count) return undefined;
  return names.every((n) => typeof n === 'string') ? names : undefined;
}

/** The first `limit` names, quoted, with an ellipsis when there are more. */
function quoted(names: readonly string[], limit: number): string {
  return names.slice(0, limit).map((n) => `"${n}"`).join(', ') + (names.length > limit ? ', …' : '');
}

/**
 * Checks the column names of new data against the names the model was trained with
 * (`model.featureNames`): missing or extra columns, or the same columns in another order, throw
 * 'feature-columns-mismatch'. Does nothing when the model has no names.
 */
export function checkFeatureNames(
  model: { readonly featureNames?: readonly string[] }, names: readonly string[], what = 'input',
): void {
  const expected = model.featureNames;
  if (!Array.isArray(expected) || !expected.every((n) => typeof n === 'string')) return;
  if (names.length === expected.length && names.every((n, i) => n === expected[i])) return;
  const given = new Set(names);
  const known = new Set(expected);
  const missing = expected.filter((n) => !given.has(n));
  const extra = names.filter((n) => !known.has(n));
  const moved = missing.length === 0 && extra.length === 0
    ? names.map((n, i) => [n, i, expected.indexOf(n)] as const).filter(([, i, j]) => i !== j)
    : [];
  const parts = [
    missing.length > 0 ? `missing ${quoted(missing, 8)}` : '',
    extra.length > 0 ? `unknown ${quoted(extra, 8)}` : '',
    moved.length > 0 ? `in another order (${moved.slice(0, 5).map(([n, i, j]) => `"${n}" is column ${i}, was ${j}`).join('; ')})` : '',
  ].filter((p) => p !== '');
  raise(diagnose('feature-columns-mismatch', 'predict', {
    what: `The ${what} columns do not match the ${expected.length} the model was trained on: ` +
      `${parts.join('; ')}.`,
    why: 'The model reads features by position, so a missing, extra or moved column feeds each ' +
      'weight the wrong quantity and every prediction is wrong without any error.',
    fix: `Select the training columns in the training order (${quoted(expected, 6)}) before predicting.`,
  }, { missing, extra, moved: moved.map(([name, column, was]) => ({ name, column, was })) }));
}
