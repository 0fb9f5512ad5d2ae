import { show } from '../errors.js';
import type { DataWarning } from './data-warning.js';
import type { HintWriter } from './option-hint.js';

/** Columns listed in the note at most; the rest are counted. */
const LISTED = 5;

/**
 * One note for every categorical column whose rare training categories (seen in fewer than
 * `minFrequency` rows) share `<other>`: which columns, how many categories, a few of them
 * (shortened: a category may be a 50 MB field), and the setting that keeps them all.
 */
export function rareCategoriesNote(
  columns: readonly { readonly column: string; readonly rare: readonly string[] }[],
  minFrequency: number,
  hint: HintWriter,
): DataWarning | undefined {
  const grouped = columns.filter((entry) => entry.rare.length > 0);
  if (grouped.length === 0) return undefined;
  const listed = grouped.slice(0, LISTED).map(({ column, rare }) => {
    const examples = rare.slice(0, 2).map((category) => show(category)).join(', ');
    return `${JSON.stringify(column)} ${rare.length} (${examples}${rare.length > 2 ? ', …' : ''})`;
  });
  const more = grouped.length > LISTED ? ` and ${grouped.length - LISTED} more columns` : '';
  return {
    code: 'data/rare-categories',
    severity: 'info',
    ...(grouped.length === 1 ? { column: grouped[0].column } : {}),
    message:
      `Categories seen in fewer than ${minFrequency} training rows share their column's "<other>" one-hot column instead of ` +
      `one each: ${listed.join(', ')}${more}. ${hint({ option: 'minFrequency', value: 1 })} gives every category its own column.`,
  };
}
