import type { CsvRecordCells } from './csv-record-cells.js';

/**
 * The CsvTokenizer's fast path for the common record: one line of fields with no blank at their
 * edges, unquoted or quoted on that line, ended by the file's line ending (LF or CRLF,
 * already settled). Each unquoted field's number is read in the same pass over its bytes (an
 * optional sign, digits with at most one decimal separator), so a numeric cell costs one scan.
 * Any other record (a blank to trim, a stray CR or LF, a reopened quote, an empty line, the
 * data's end) returns FALLBACK before anything is counted, and the tokenizer reads it with its
 * full rules (`record`), which the property tests check against csv-parse.
 *
 * Returns where the next record starts; `cells` then hold the record.
 */
export const FALLBACK = -1;

const [LF, CR, QUOTE, SPACE, PLUS, MINUS, ZERO] = [10, 13, 34, 32, 43, 45, 48];
/** Powers of ten that are exact doubles: 10^0 … 10^22. */
const EXACT_POWERS = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Digits that always fit a double's 53-bit mantissa exactly. */
const EXACT_DIGITS = 15;

export function fastRecord(bytes: Uint8Array, at: number, delimiter: number, crlf: boolean, cells: CsvRecordCells): number {
  const length = bytes.length;
  // NOTE: with a decimal comma and a comma delimiter, no unquoted number holds a separator.
  const separator = cells.separator === delimiter ? -1 : cells.separator;
  cells.count = 0;
  for (;;) {
    const start = at;
    if (at < length && bytes[at] === QUOTE) {
      // A quoted field on one line without escaped quotes, the delimiter or the line's end
      // right after its closing quote; anything else is the full reader's.
      let close = at + 1;
      let escaped = false;
      for (;;) {
        while (close < length && bytes[close] !== QUOTE && bytes[close] !== LF && bytes[close] !== CR) close++;
        if (close + 1 >= length || bytes[close] !== QUOTE) return FALLBACK;
        if (bytes[close + 1] !== QUOTE) break;
        // NOTE: `""` opening the field is an empty field followed by text (`"" x`), which only
        // the full reader reads; anywhere else it is an escaped quote.
        if (close === at + 1) return FALLBACK;
        escaped = true;
        close += 2;
      }
      at = close + 1;
      const next = bytes[at];
      if (escaped) cells.addEscaped(start + 1, close);
      else cells.addQuoted(start + 1, close);
      if (next === delimiter) {
        at++;
        continue;
      }
      if (next === LF && !crlf) return at + 1;
      if (next === CR && crlf && at + 1 < length && bytes[at + 1] === LF) return at + 2;
      return FALLBACK;
    }
    let negative = false;
    if (at < length && (bytes[at] === MINUS || bytes[at] === PLUS)) negative = bytes[at++] === MINUS;
    let mantissa = 0;
    let digits = 0;
    let point = -1;
    for (; at < length; at++) {
      const digit = bytes[at] - ZERO;
      if (digit >= 0 && digit <= 9) {
        mantissa = mantissa * 10 + digit;
        digits++;
      } else if (bytes[at] === separator && point < 0) point = digits;
      else break;
    }
    const numberEnd = at;
    for (; at < length; at++) {
      const byte = bytes[at];
      if (byte === delimiter || byte === LF || byte === CR) break;
    }
    if (at >= length) return FALLBACK;
    const end = at;
    const stop = bytes[at];
    let ending = 0;
    if (stop === LF) {
      if (crlf) return FALLBACK;
      ending = 1;
    } else if (stop === CR) {
      if (!crlf || at + 1 >= length || bytes[at + 1] !== LF) return FALLBACK;
      ending = 2;
    }
    const exponent = point < 0 ? 0 : point - digits;
    if (numberEnd === end && digits > 0 && digits <= EXACT_DIGITS && exponent >= -22) {
      // NOTE: Clinger's fast path, as parseNumberBytes: an exact mantissa divided by an exact
      // power of ten rounds once, so this equals Number() of the text bit for bit. A number
      // starts and ends with no blank, so nothing is left to trim.
      const magnitude = exponent === 0 ? mantissa : mantissa / EXACT_POWERS[-exponent];
      cells.addNumber(start, end, negative ? -magnitude : magnitude);
    } else if (end === start) {
      // An empty field; alone on its line it is an empty line, which `record` skips.
      if (ending !== 0 && cells.count === 0) return FALLBACK;
      cells.addTrimmed(start, end);
    } else {
      if (bytes[start] === QUOTE || mayStartBlank(bytes[start]) || mayEndBlank(bytes[end - 1])) return FALLBACK;
      cells.addTrimmed(start, end);
    }
    if (ending === 0) {
      at++;
      continue;
    }
    return end + ending;
  }
}

/** Whether a field starting with `byte` may start with a blank (ASCII, or a UTF-8 lead byte of one). */
function mayStartBlank(byte: number): boolean {
  return byte <= SPACE || byte === 0xc2 || (byte >= 0xe1 && byte <= 0xe3) || byte === 0xef;
}

/** Whether a field ending with `byte` may end with a blank (ASCII, or the last byte of a UTF-8 one). */
function mayEndBlank(byte: number): boolean {
  if (byte <= SPACE) return true;
  if (byte < 0x80) return false;
  return byte <= 0x8a || byte === 0x9f || byte === 0xa0 || byte === 0xa8 || byte === 0xa9 || byte === 0xaf || byte === 0xbf;
}
