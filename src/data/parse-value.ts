import type { Decimal } from './table.js';

/**
 * How nnkit reads one text cell: missing-value tokens, plain decimal numbers and boolean words.
 * Shared by the CSV reader (type inference) and the Preprocessor (raw rows at predict time), so a
 * value means the same thing when training and when predicting.
 */

/** The default missing-value tokens, compared case-insensitively (`na`, `NULL`, `nan` match). */
export const DEFAULT_MISSING_VALUES: readonly string[] = Object.freeze(['', 'NA', 'NaN', '?', 'null']);

/** The largest finite float32; larger magnitudes cannot be stored in a Float32Array. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** A case-insensitive set of missing-value tokens with a cheap test for long cells. */
export class MissingValues {
  readonly tokens: readonly string[];
  private readonly lowered: Set<string>;
  private readonly longest: number;

  constructor(tokens: readonly string[] = DEFAULT_MISSING_VALUES) {
    this.tokens = Object.freeze([...tokens]);
    this.lowered = new Set(tokens.map((token) => token.toLowerCase()));
    this.longest = tokens.reduce((max, token) => Math.max(max, token.length), 0);
  }

  has(text: string): boolean {
    // NOTE: most cells are longer than every token (e.g. "12.375"), so the length test skips the
    // lowercase copy for them; this runs once per cell of a possibly huge file.
    if (text.length > this.longest) return false;
    return this.lowered.has(text.toLowerCase());
  }
}

/**
 * Parses a plain decimal number (`12`, `-0.5`, `.5`, `1e-3`, `+7.`) and returns NaN for anything
 * else: words, hex (`0x1f`), `Infinity`, thousands separators, surrounding spaces.
 */
export function parseNumber(text: string): number {
  const n = text.length;
  if (n === 0) return NaN;
  // NOTE: Number() does the correctly rounded conversion; it also accepts spellings a CSV number
  // must not have, which the first and last characters rule out: spaces around, `Infinity`
  // (ends in y), and the 0x / 0b / 0o prefixes (second character x, b or o).
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (!(isDigit(first) || first === 43 || first === 45 || first === 46)) return NaN;
  if (!(isDigit(last) || last === 46)) return NaN;
  if (n > 2 && first === 48) {
    const second = text.charCodeAt(1) | 32;
    if (second === 120 || second === 98 || second === 111) return NaN;
  }
  return Number(text);
}

/**
 * Parses a number written with a decimal comma (`6,5`, `-0,25`, `,5`, `12`, `1e-3`), as
 * spreadsheets write them in much of Europe, and returns NaN for anything else. A point is not
 * accepted: in that convention it separates thousands (`1.234,5`), which nnkit does not read.
 */
export function parseCommaNumber(text: string): number {
  const comma = text.indexOf(',');
  if (comma < 0) return text.indexOf('.') < 0 ? parseNumber(text) : NaN;
  if (text.indexOf('.') >= 0 || text.indexOf(',', comma + 1) >= 0) return NaN;
  return parseNumber(`${text.slice(0, comma)}.${text.slice(comma + 1)}`);
}

/** The number parser of a decimal separator. */
export function numberParser(decimal: Decimal = '.'): (text: string) => number {
  return decimal === ',' ? parseCommaNumber : parseNumber;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True when `value` (already parsed) fits a float32 without becoming Infinity. */
export function fitsFloat32(value: number): boolean {
  return Number.isFinite(Math.fround(value));
}

const TRUE_WORDS = new Set(['true', 'yes']);
const FALSE_WORDS = new Set(['false', 'no']);

/** 1 for true/yes, 0 for false/no (any case), -1 for anything else. */
export function parseBooleanWord(text: string): number {
  if (text.length > 5) return -1;
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return 1;
  if (FALSE_WORDS.has(lower)) return 0;
  return -1;
}

/** Like parseBooleanWord, but also accepts `1` and `0` (for a column known to be boolean). */
export function parseBoolean(text: string): number {
  if (text === '1') return 1;
  if (text === '0') return 0;
  return parseBooleanWord(text);
}
