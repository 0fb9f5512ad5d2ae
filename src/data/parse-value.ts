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
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    i++;
    digits++;
  }
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return NaN;
  if (i < n && (text.charCodeAt(i) | 32) === 101) {
    i++;
    if (i < n && ((c = text.charCodeAt(i)) === 43 || c === 45)) i++;
    let exponentDigits = 0;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      exponentDigits++;
    }
    if (exponentDigits === 0) return NaN;
  }
  return i === n ? Number(text) : NaN;
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
