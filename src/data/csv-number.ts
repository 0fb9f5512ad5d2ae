import type { Decimal } from './table.js';

/**
 * Numbers read straight from a CSV file's bytes, with the value `parseNumber` (or
 * `parseCommaNumber`) gives for the cell's text, without making the text. The syntax accepted is
 * the same: an optional sign, digits with at most one decimal separator (at least one digit), and
 * an optional exponent (`1e-3`, `+7.`, `.5`); anything else is NaN.
 */

/** Powers of ten that are exact doubles: 10^0 … 10^22. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const EXACT_MANTISSA = 2 ** 53;
const [PLUS, MINUS, POINT, COMMA, ZERO, NINE] = [43, 45, 46, 44, 48, 57];

/** The byte of a decimal separator. */
export function decimalByte(decimal: Decimal): number {
  return decimal === ',' ? COMMA : POINT;
}

/**
 * The number written in `bytes[start, end)` with `separator` (a decimalByte) as its decimal
 * separator, or NaN when those bytes are not a plain number. Equals `Number(text)` (the text with
 * a point for the separator) bit for bit.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, separator: number): number {
  let at = start;
  let negative = false;
  if (at < end && (bytes[at] === PLUS || bytes[at] === MINUS)) negative = bytes[at++] === MINUS;
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let exact = true;
  for (; at < end; at++) {
    const digit = bytes[at] - ZERO;
    if (digit < 0 || digit > 9) break;
    mantissa = mantissa * 10 + digit;
    digits++;
  }
  if (at < end && bytes[at] === separator) {
    for (at++; at < end; at++) {
      const digit = bytes[at] - ZERO;
      if (digit < 0 || digit > 9) break;
      mantissa = mantissa * 10 + digit;
      exponent--;
      digits++;
    }
  }
  if (digits === 0) return NaN;
  if (at < end && (bytes[at] | 32) === 101) {
    at++;
    let negativeExponent = false;
    if (at < end && (bytes[at] === PLUS || bytes[at] === MINUS)) negativeExponent = bytes[at++] === MINUS;
    const first = at;
    let written = 0;
    for (; at < end && bytes[at] >= ZERO && bytes[at] <= NINE; at++) {
      // NOTE: an exponent this long only matters to Number(), which the slow path calls.
      if (written < 1e6) written = written * 10 + (bytes[at] - ZERO);
    }
    if (at === first) return NaN;
    exponent += negativeExponent ? -written : written;
  }
  if (at !== end) return NaN;
  // NOTE: Clinger's fast path. A mantissa below 2^53 and a power of ten up to 10^22 are both exact
  // doubles, so one multiplication or division rounds once, correctly, as Number() does; the
  // running mantissa above is exact while it stays below 2^53 (past it, it may have rounded).
  if (mantissa >= EXACT_MANTISSA || exponent < -22 || exponent > 22) exact = false;
  if (!exact) return slowNumber(bytes, start, end, separator);
  const magnitude = exponent < 0 ? mantissa / EXACT_POWERS[-exponent] : mantissa * EXACT_POWERS[exponent];
  return negative ? -magnitude : magnitude;
}

/** Number() of the bytes as text (ASCII, checked by the caller), the separator as a point. */
function slowNumber(bytes: Uint8Array, start: number, end: number, separator: number): number {
  let text = '';
  for (let at = start; at < end; at++) text += String.fromCharCode(bytes[at] === separator ? POINT : bytes[at]);
  return Number(text);
}
