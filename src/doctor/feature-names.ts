import type { Model } from '../model/model.js';
import { diagnose, raise } from './diagnostic.js';

/** The metadata key for the training columns' names, in order (set by the CLI or by hand). */
export const FEATURE_NAMES_KEY = 'featureNames';

/** The model's feature names from `model.metadata.featureNames`, when they are a list of `count` strings. */
export function featureNames(model: Model, count: number): readonly string[] | undefined {
  const names = model.metadata[FEATURE_NAMES_KEY];
  return Array.isArray(names) && names.length === count && names.every((n) => typeof n === 'string') ? names : undefined;
}

/**
 * Checks the column names of new data against the names the model was trained with: missing
 * or extra columns, or the same columns in another order, throw 'feature-columns-mismatch'.
 * Does nothing when the model has no names (`model.metadata.featureNames`).
 */
export function checkFeatureNames(model: Model, names: readonly string[], what = 'input'): void {
  const trained = model.metadata[FEATURE_NAMES_KEY];
  if (!Array.isArray(trained) || !trained.every((n) => typeof n === 'string')) return;
  const expected = trained as string[];
  if (names.length === expected.length && names.every((n, i) => n === expected[i])) return;
  const given = new Set(names);
  const known = new Set(expected);
  const missing = expected.filter((n) => !given.has(n));
  const extra = names.filter((n) => !known.has(n));
  const moved = missing.length === 0 && extra.length === 0
    ? names.map((n, i) => [n, i, expected.indexOf(n)] as const).filter(([, i, j]) => i !== j)
    : [];
  const parts = [
    missing.length > 0 ? `missing ${missing.slice(0, 8).map((n) => `"${n}"`).join(', ')}${missing.length > 8 ? ', …' : ''}` : '',
    extra.length > 0 ? `unknown ${extra.slice(0, 8).map((n) => `"${n}"`).join(', ')}${extra.length > 8 ? ', …' : ''}` : '',
    moved.length > 0 ? `in another order (${moved.slice(0, 5).map(([n, i, j]) => `"${n}" is column ${i}, was ${j}`).join('; ')})` : '',
  ].filter((p) => p !== '');
  raise(diagnose('feature-columns-mismatch', 'predict', {
    what: `The ${what} columns do not match the ${expected.length} the model was trained on: ${parts.join('; ')}.`,
    why: 'The model reads features by position, so a missing, extra or moved column feeds each weight the wrong quantity and every prediction is wrong without any error.',
    fix: `Select the training columns in the training order (${expected.slice(0, 6).map((n) => `"${n}"`).join(', ')}${expected.length > 6 ? ', …' : ''}) before predicting.`,
  }, { missing, extra, moved: moved.map(([name, column, was]) => ({ name, column, was })) }));
}
