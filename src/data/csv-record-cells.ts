import { decimalByte, parseNumberBytes } from './csv-number.js';
import type { RecordCells } from './column-builder.js';
import { numberParser, type MissingValues } from './parse-value.js';
import type { Decimal } from './table.js';

/**
 * One CSV record's fields as byte ranges of the data (CsvTokenizer fills it): text is made only
 * when a column asks for it, and numbers are read from the bytes. Reused for every record.
 */
const FIELD_BYTES = 0;
const FIELD_TEXT = 1;
/** A byte range whose number the tokenizer read while scanning it (see csv-fast-record.ts). */
const FIELD_NUMBER = 2;
/** The bytes between a quoted field's quotes, with escaped quotes (`""`) still doubled. */
const FIELD_ESCAPED = 3;
const [SPACE, TAB, LF, CR, VT, FF] = [32, 9, 10, 13, 11, 12];

export class CsvRecordCells implements RecordCells {
  bytes: Uint8Array = new Uint8Array(0);
  count = 0;
  /** Bytes of `bytes` in use, when this holds many records (see appendTo). */
  private filled = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private kinds = new Uint8Array(64);
  private numbers = new Float64Array(64);
  private texts: string[] = [];
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The decimal separator's byte. */
  readonly separator: number;
  private readonly parseText: (text: string) => number;
  /** The missing-value tokens in lower case, as bytes (ASCII tokens only). */
  private readonly missingBytes: Uint8Array[];
  private readonly longestMissing: number;

  /** The decimal separator and missing-value tokens the fields are read with. */
  readonly decimal: Decimal;
  readonly missingTokens: readonly string[];

  constructor(decimal: Decimal, missing: MissingValues) {
    this.decimal = decimal;
    this.missingTokens = missing.tokens;
    this.separator = decimalByte(decimal);
    this.parseText = numberParser(decimal);
    const lowered = missing.tokens.map((token) => token.toLowerCase());
    this.missingBytes = lowered.filter((token) => /^[\x00-\x7f]*$/.test(token)).map((token) => Uint8Array.from(token, (c) => c.charCodeAt(0)));
    this.longestMissing = lowered.reduce((max, token) => Math.max(max, token.length), 0);
  }

  get length(): number {
    return this.count;
  }

  /** An unquoted field: trailing blanks are trimmed here (leading ones were skipped). */
  addPlain(start: number, end: number): void {
    const bytes = this.bytes;
    while (end > start && isAsciiBlank(bytes[end - 1])) end--;
    if (end > start && bytes[end - 1] >= 0x80) {
      // NOTE: the field may end in a non-ASCII blank (U+00A0, U+3000…): trimmed as text, as csv-parse does.
      this.addText(this.decode(start, end).trimEnd());
      return;
    }
    this.addRange(start, end);
  }

  /** An unquoted field without blanks at its edges, holding the plain number `value`. */
  addNumber(start: number, end: number, value: number): void {
    const index = this.grow();
    this.kinds[index] = FIELD_NUMBER;
    this.starts[index] = start;
    this.ends[index] = end;
    this.numbers[index] = value;
  }

  /** An unquoted field without blanks at its edges (nothing to trim). */
  addTrimmed(start: number, end: number): void {
    this.addRange(start, end);
  }

  /** A quoted field on one line with escaped quotes: its bytes between the quotes, `""` kept. */
  addEscaped(start: number, end: number): void {
    const index = this.grow();
    this.kinds[index] = FIELD_ESCAPED;
    this.starts[index] = start;
    this.ends[index] = end;
  }

  /** A quoted field without escapes: its bytes between the quotes, untrimmed. */
  addQuoted(start: number, end: number): void {
    this.addRange(start, end);
  }

  /** A quoted field in pieces [start, end, start, end…] (around escaped quotes, or reopened). */
  addPieces(pieces: readonly number[]): void {
    let text = '';
    for (let i = 0; i < pieces.length; i += 2) text += this.decode(pieces[i], pieces[i + 1]);
    this.addText(text);
  }

  text(index: number): string {
    const kind = this.kinds[index];
    if (kind === FIELD_TEXT) return this.texts[index];
    const text = this.decode(this.starts[index], this.ends[index]);
    return kind === FIELD_ESCAPED ? text.replaceAll('""', '"') : text;
  }

  /** Every field as text (for the header and for errors that list a record's values). */
  textAll(): string[] {
    return Array.from({ length: this.count }, (_, index) => this.text(index));
  }

  isEmpty(index: number): boolean {
    return this.kinds[index] === FIELD_TEXT ? this.texts[index] === '' : this.starts[index] === this.ends[index];
  }

  /** Whether the field's text is not its bytes as they stand (made into text, or with escapes). */
  private isText(index: number): boolean {
    const kind = this.kinds[index];
    return kind === FIELD_TEXT || kind === FIELD_ESCAPED;
  }

  /** The field's number as the column's parser reads its text (NaN when it is no number). */
  number(index: number): number {
    const kind = this.kinds[index];
    if (kind === FIELD_NUMBER) return this.numbers[index];
    if (kind === FIELD_TEXT) return this.parseText(this.texts[index]);
    if (kind === FIELD_ESCAPED) return NaN;
    return parseNumberBytes(this.bytes, this.starts[index], this.ends[index], this.separator);
  }

  /** False only when the field is certainly not a missing-value token (true when it may be one). */
  mayBeMissing(index: number): boolean {
    if (this.isText(index)) return true;
    const start = this.starts[index];
    const length = this.ends[index] - start;
    const bytes = this.bytes;
    // NOTE: MissingValues compares lower-cased text of at most `longest` UTF-16 units; a UTF-8
    // character takes at most 3 bytes per unit, and non-ASCII text ("K", the Kelvin sign) can
    // lower-case to ASCII, so such a field is left to the text test.
    if (length > 4 * this.longestMissing) return false;
    for (let i = 0; i < length; i++) if (bytes[start + i] >= 0x80) return true;
    if (length > this.longestMissing) return false;
    token: for (const token of this.missingBytes) {
      if (token.length !== length) continue;
      for (let i = 0; i < length; i++) {
        const byte = bytes[start + i];
        if ((byte >= 65 && byte <= 90 ? byte | 32 : byte) !== token[i]) continue token;
      }
      return true;
    }
    return false;
  }

  /** Whether the field's text is `text`: compared byte by byte while ASCII, else decoded. */
  equals(index: number, text: string): boolean {
    if (this.isText(index)) return this.text(index) === text;
    const bytes = this.bytes;
    const start = this.starts[index];
    const length = this.ends[index] - start;
    if (length === text.length) {
      let i = 0;
      while (i < length && bytes[start + i] === text.charCodeAt(i) && bytes[start + i] < 0x80) i++;
      if (i === length) return true;
    }
    // NOTE: ASCII bytes decode to themselves, so a field of ASCII bytes that differs is not the
    // text; other bytes (UTF-8, or invalid ones that decode to U+FFFD) are decoded to compare.
    for (let i = 0; i < length; i++) if (bytes[start + i] >= 0x80) return this.text(index) === text;
    return false;
  }

  /**
   * A hash of the field's bytes, or -1 for a field made into text (trimmed, or reopened). Fields
   * with escaped quotes hash apart from plain ones: the same bytes are other text there.
   */
  hash(index: number): number {
    const kind = this.kinds[index];
    if (kind === FIELD_TEXT) return -1;
    const bytes = this.bytes;
    // NOTE: FNV-1a, kept a small non-negative integer so that a Map keys it without boxing.
    let hash = kind === FIELD_ESCAPED ? 0x050c5d1f : 0x811c9dc5;
    for (let i = this.starts[index], end = this.ends[index]; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    return hash >>> 2;
  }

  /** A copy of the field's bytes (of a field that has a hash). */
  copyBytes(index: number): Uint8Array {
    return new Uint8Array(this.bytes.subarray(this.starts[index], this.ends[index]));
  }

  /** Whether the field's bytes are `bytes` (false for a field made into text). */
  sameBytes(index: number, bytes: Uint8Array): boolean {
    if (this.kinds[index] === FIELD_TEXT) return false;
    const start = this.starts[index];
    const length = this.ends[index] - start;
    if (length !== bytes.length) return false;
    const own = this.bytes;
    for (let i = 0; i < length; i++) if (own[start + i] !== bytes[i]) return false;
    return true;
  }

  /**
   * Appends this record's fields to `into`, which holds the fields of many records over a copy of
   * their bytes (see CsvCellBatch): every method then reads them there as here.
   */
  appendTo(into: CsvRecordCells): void {
    let first = Infinity;
    let last = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.kinds[i] === FIELD_TEXT) continue;
      first = Math.min(first, this.starts[i]);
      last = Math.max(last, this.ends[i]);
    }
    const base = into.reserve(first < last ? last - first : 0);
    if (first < last) into.bytes.set(this.bytes.subarray(first, last), base);
    for (let i = 0; i < this.count; i++) {
      const index = into.grow();
      const kind = this.kinds[i];
      into.kinds[index] = kind;
      if (kind === FIELD_TEXT) {
        into.texts[index] = this.texts[i];
        continue;
      }
      into.starts[index] = this.starts[i] - first + base;
      into.ends[index] = this.ends[i] - first + base;
      into.numbers[index] = this.numbers[i];
    }
  }

  /** Forgets every field, keeping the memory (for a batch of records used again, see appendTo). */
  clear(): void {
    this.count = 0;
    this.filled = 0;
    this.texts = [];
  }

  /** Room for `length` more bytes at the end of `bytes` (the copy appendTo fills); returns where. */
  private reserve(length: number): number {
    const at = this.filled;
    if (at + length > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(2 * this.bytes.length, at + length, 1 << 16));
      bytes.set(this.bytes.subarray(0, at));
      this.bytes = bytes;
    }
    this.filled = at + length;
    return at;
  }

  private addRange(start: number, end: number): void {
    const index = this.grow();
    this.kinds[index] = FIELD_BYTES;
    this.starts[index] = start;
    this.ends[index] = end;
  }

  private addText(text: string): void {
    const index = this.grow();
    this.kinds[index] = FIELD_TEXT;
    this.texts[index] = text;
  }

  private grow(): number {
    if (this.count === this.starts.length) {
      const size = this.count * 2;
      const [starts, ends, kinds, numbers] = [new Int32Array(size), new Int32Array(size), new Uint8Array(size), new Float64Array(size)];
      starts.set(this.starts);
      ends.set(this.ends);
      kinds.set(this.kinds);
      numbers.set(this.numbers);
      [this.starts, this.ends, this.kinds, this.numbers] = [starts, ends, kinds, numbers];
    }
    return this.count++;
  }

  private decode(start: number, end: number): string {
    const bytes = this.bytes;
    if (end - start <= 16) {
      // NOTE: short ASCII text is cheaper built here than by a TextDecoder call.
      let text = '';
      for (let i = start; i < end; i++) {
        const byte = bytes[i];
        if (byte >= 0x80) return this.decoder.decode(bytes.subarray(start, end));
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return this.decoder.decode(bytes.subarray(start, end));
  }
}

function isAsciiBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === LF || byte === CR || byte === VT || byte === FF;
}
