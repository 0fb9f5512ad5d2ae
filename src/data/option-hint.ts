import type { ColumnType, Decimal } from './table.js';

/**
 * A setting that would fix or silence what a message reports, as data, so that the message can
 * name it the way its reader passes settings: `columnTypes: { "zip": "categorical" }` for a
 * library caller, `--column-type zip=categorical` on the command line. Readers, the Preprocessor
 * and trainClassifier take a HintWriter and compose their errors and warnings with it; the CLI
 * passes one that writes flags. One message, two vocabularies, no second copy of the text.
 */
export type OptionHint =
  | { readonly option: 'columnTypes'; readonly column: string; readonly type: ColumnType }
  | { readonly option: 'decimal'; readonly value: Decimal }
  | { readonly option: 'maxCategories'; readonly value: number }
  | { readonly option: 'minFrequency'; readonly value: number }
  | { readonly option: 'delimiter' | 'target' | 'positive'; readonly value: string };

/** Writes a hint as its reader passes the setting. */
export type HintWriter = (hint: OptionHint) => string;

/** The library's wording: the option as it is written in an options object. */
export const libraryHint: HintWriter = (hint) => {
  switch (hint.option) {
    case 'columnTypes':
      return `columnTypes: { ${JSON.stringify(hint.column)}: ${JSON.stringify(hint.type)} }`;
    case 'decimal':
    case 'delimiter':
    case 'target':
    case 'positive':
      return `${hint.option}: ${JSON.stringify(hint.value)}`;
    case 'maxCategories':
    case 'minFrequency':
      return `${hint.option}: ${hint.value}`;
  }
};
