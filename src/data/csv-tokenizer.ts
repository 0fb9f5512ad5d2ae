import { csvSyntaxError } from './parse-csv-rules.js';
import { FALLBACK, fastRecord } from './csv-fast-record.js';
import type { CsvRecordCells } from './csv-record-cells.js';

/**
 * Splits CSV bytes into records and fields the way csv-parse does with nnkit's options (see
 * csvParseOptions): byte-order mark removed, fields trimmed, stray quotes inside unquoted fields
 * kept, empty lines skipped, ragged rows passed on, the record delimiter found as csv-parse finds
 * it (the first CRLF, LF or CR outside quotes), the same line numbers and the same two syntax
 * errors. Fields are byte ranges (CsvRecordCells): no text is made here.
 *
 * Bytes arrive in chunks of any size; a record cut by a chunk's end is parsed again from its start
 * when the next chunk comes. `onRecord(cells, line)` gets each record with its first line.
 */
const [LF, CR, QUOTE, SPACE, TAB, VT, FF] = [10, 13, 34, 32, 9, 11, 12];
const enum Ending { Unknown, LF, CRLF, CR }
/** Outcome of reading one record: where the next one starts, or that more bytes are needed. */
const MORE = -1;

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly where: string;
  private readonly file: string | undefined;
  private readonly onRecord: (cells: CsvRecordCells, line: number) => void;
  private readonly cells: CsvRecordCells;
  private ending = Ending.Unknown;
  /** Line breaks (CR or LF bytes) counted as csv-parse counts them. */
  private lines = 0;
  private emptyLines = 0;
  private previousEnd = 0;
  private previousEmpty = 0;
  private pending: Uint8Array = new Uint8Array(0);
  /** Chunks held back while a long unfinished record waits for more bytes (see push). */
  private waiting: Uint8Array[] = [];
  private waitingBytes = 0;
  private joinBuffer = new Uint8Array(0);
  private started = false;
  /** Bytes consumed so far (whole records), for progress. */
  consumed = 0;

  /** `delimiter` is one byte (the caller checks); `where` names the source in errors. */
  constructor(delimiter: number, cells: CsvRecordCells, onRecord: (cells: CsvRecordCells, line: number) => void, where: string, file?: string) {
    this.delimiter = delimiter;
    this.cells = cells;
    this.onRecord = onRecord;
    this.where = where;
    this.file = file;
  }

  /**
   * Parses the whole records in `chunk` (with what was left of earlier chunks). The chunk is not
   * kept: the caller may fill its buffer again once push returns.
   */
  push(chunk: Uint8Array): void {
    // NOTE: a record longer than a chunk (a huge quoted field) is parsed again from its start
    // only once the bytes after it have grown as long as it is, so a field of n bytes costs
    // O(n) work, not O(n²).
    if (this.pending.length > chunk.length && this.waitingBytes + chunk.length < this.pending.length) {
      // NOTE: a copy, as push keeps no chunk it was given: a reader may reuse its buffer.
      this.waiting.push(new Uint8Array(chunk));
      this.waitingBytes += chunk.length;
      return;
    }
    this.run(this.join(chunk), false);
  }

  /** The record delimiter once settled, when it is LF or CRLF (a part reader needs one of them). */
  get lineEnding(): 'lf' | 'crlf' | undefined {
    return this.ending === Ending.LF ? 'lf' : this.ending === Ending.CRLF ? 'crlf' : undefined;
  }

  /**
   * Whether the bytes pushed so far end exactly at a record's end, with the records after them
   * numbered simply by adding the line breaks counted so far: then a tokenizer that continues
   * from there (see `continueAfter`) reads the rest as this one would. Returns that count and
   * the line ending, or undefined (inside a record, a quoted line break, the ending not yet LF
   * or CRLF).
   */
  boundary(): { readonly lines: number; readonly ending: 'lf' | 'crlf' } | undefined {
    if (!this.started || this.pending.length > 0 || this.waitingBytes > 0) return undefined;
    const ending = this.lineEnding;
    if (ending === undefined || this.previousEnd + this.emptyLines - this.previousEmpty !== this.lines) return undefined;
    return { lines: this.lines, ending };
  }

  /**
   * Reads bytes that start at another tokenizer's `boundary()`: no byte-order mark to skip, the
   * line ending already settled. Line numbers then count from that boundary.
   */
  continueAfter(ending: 'lf' | 'crlf'): void {
    this.started = true;
    this.ending = ending === 'lf' ? Ending.LF : Ending.CRLF;
  }

  /** Parses what is left: the last record may end without a line break. */
  end(): void {
    this.run(this.join(new Uint8Array(0)), true);
    this.pending = new Uint8Array(0);
  }

  private join(chunk: Uint8Array): Uint8Array {
    if (this.pending.length === 0) return chunk;
    const parts = [this.pending, ...this.waiting, chunk];
    const length = this.pending.length + this.waitingBytes + chunk.length;
    // NOTE: one buffer serves every join (nothing keeps the bytes after run(): text is decoded,
    // the unfinished record copied out), so a file's chunks make no garbage.
    if (this.joinBuffer.length < length) this.joinBuffer = new Uint8Array(Math.max(length, 2 * this.joinBuffer.length));
    const joined = this.joinBuffer.subarray(0, length);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.waiting = [];
    this.waitingBytes = 0;
    return joined;
  }

  private run(bytes: Uint8Array, final: boolean): void {
    let at = 0;
    if (!this.started) {
      if (bytes.length < 3 && !final) {
        this.pending = new Uint8Array(bytes);
        return;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3;
    }
    this.cells.bytes = bytes;
    while (at < bytes.length) {
      const lines = this.lines;
      const ending = this.ending;
      let next = ending === Ending.LF || ending === Ending.CRLF ? fastRecord(bytes, at, this.delimiter, ending === Ending.CRLF, this.cells) : FALLBACK;
      if (next !== FALLBACK) {
        this.emit();
        this.lines++;
      } else next = this.record(bytes, at, final);
      if (next === MORE) {
        this.lines = lines;
        break;
      }
      this.consumed += next - at;
      at = next;
    }
    // NOTE: the unfinished record is copied out so the chunk it came from can be released or
    // refilled (`new Uint8Array`, not `slice`: a Node Buffer's slice is a view, not a copy).
    this.pending = new Uint8Array(bytes.subarray(at));
  }

  /** The length of the record delimiter at `at` (0 if none); settles the delimiter on first sight. */
  private endingAt(bytes: Uint8Array, at: number, final: boolean): number {
    const byte = bytes[at];
    if (byte !== LF && byte !== CR) return 0;
    if (this.ending === Ending.Unknown) {
      if (byte === LF) this.ending = Ending.LF;
      else if (at + 1 < bytes.length) this.ending = bytes[at + 1] === LF ? Ending.CRLF : Ending.CR;
      else if (final) this.ending = Ending.CR;
      else return MORE;
    }
    if (this.ending === Ending.LF) return byte === LF ? 1 : 0;
    if (this.ending === Ending.CR) return byte === CR ? 1 : 0;
    if (byte !== CR) return 0;
    if (at + 1 < bytes.length) return bytes[at + 1] === LF ? 2 : 0;
    return final ? 0 : MORE;
  }

  /** Reads one record from `at`: the start of the next, or MORE if it does not end in `bytes`. */
  private record(bytes: Uint8Array, at: number, final: boolean): number {
    const cells = this.cells;
    const delimiter = this.delimiter;
    const length = bytes.length;
    cells.count = 0;
    for (;;) {
      // Leading blanks (csv-parse's ltrim): skipped, a line break counted.
      let ending = 0;
      for (;;) {
        if (at >= length) break;
        const byte = bytes[at];
        if (byte === delimiter) break;
        ending = this.endingAt(bytes, at, final);
        if (ending !== 0) break;
        const blank = blankLength(bytes, at);
        if (blank === 0) break;
        if (byte === LF || byte === CR) this.lines++;
        at += blank;
      }
      if (ending === MORE) return MORE;
      if (at >= length && !final) return MORE;
      const start = at;
      if (at < length && bytes[at] === QUOTE) {
        at = this.quoted(bytes, at, final);
        if (at === MORE) return MORE;
      } else {
        // An unquoted field runs to the delimiter or the record's end; quotes in it are text.
        for (; at < length; at++) {
          const byte = bytes[at];
          if (byte === delimiter) break;
          if (byte === LF || byte === CR) {
            ending = this.endingAt(bytes, at, final);
            if (ending === MORE) return MORE;
            if (ending !== 0) break;
            this.lines++;
          }
        }
        if (at >= length && !final) return MORE;
        if (at === start && cells.count === 0 && (at >= length || bytes[at] !== delimiter)) {
          // Only blanks before the line's end: an empty line, skipped (or the data's end).
          if (at >= length) return at;
          this.emptyLines++;
          this.lines++;
          return at + ending;
        }
        cells.addPlain(start, at);
      }
      if (at < length && bytes[at] === delimiter) {
        at++;
        continue;
      }
      ending = at < length ? this.endingAt(bytes, at, final) : 0;
      if (ending === MORE) return MORE;
      this.emit();
      if (at < length) this.lines++;
      return at + ending;
    }
  }

  /**
   * Reads a quoted field opening at `at`; returns where it stops (the delimiter or the record's
   * end) or MORE. `""` inside is one quote; after the closing quote only blanks may follow.
   */
  private quoted(bytes: Uint8Array, at: number, final: boolean): number {
    const length = bytes.length;
    const pieces: number[] = [];
    let pieceStart = ++at;
    for (;;) {
      if (at >= length) return final ? this.notClosed(bytes) : MORE;
      const byte = bytes[at];
      if (byte !== QUOTE) {
        if (byte === LF || byte === CR) this.lines++;
        at++;
        continue;
      }
      if (at + 1 >= length && !final) return MORE;
      if (bytes[at + 1] !== QUOTE) break;
      // An escaped quote: the piece so far ends with one quote.
      pieces.push(pieceStart, at + 1);
      at += 2;
      pieceStart = at;
    }
    pieces.push(pieceStart, at);
    let empty = true;
    for (let i = 0; i < pieces.length; i += 2) if (pieces[i] !== pieces[i + 1]) empty = false;
    at = this.afterQuote(bytes, at + 1, final, empty);
    if (at === MORE) return MORE;
    if (pieces.length === 2) this.cells.addQuoted(pieces[0], pieces[1]);
    else this.cells.addPieces(pieces);
    return at;
  }

  /**
   * Skips the blanks after a closing quote up to the delimiter or the record's end. A quote there
   * reopens a field whose quoted text is empty, as csv-parse does (`"" " "` is an empty field);
   * in it, as after any closing quote, only blanks may stand.
   */
  private afterQuote(bytes: Uint8Array, at: number, final: boolean, empty: boolean): number {
    const length = bytes.length;
    let reopened = false;
    for (;;) {
      if (at >= length) {
        if (!final) return MORE;
        if (reopened) return this.notClosed(bytes);
        return at;
      }
      const byte = bytes[at];
      if (reopened && byte === QUOTE) {
        if (at + 1 >= length && !final) return MORE;
        // NOTE: `""` here is an escaped quote: the second one is text where none may stand.
        if (bytes[at + 1] === QUOTE) throw this.nonBlank();
        reopened = false;
        at++;
        continue;
      }
      if (!reopened) {
        if (byte === this.delimiter) return at;
        const ending = this.endingAt(bytes, at, final);
        if (ending === MORE) return MORE;
        if (ending !== 0) return at;
      }
      // NOTE: csv-parse skips a blank of several bytes whole only while the field is empty and
      // unquoted; here it steps one byte and fails on the second (`"a"\u00a0` is an error).
      const blank = blankLength(bytes, at);
      if (blank === 1 || (blank > 1 && empty && !reopened)) {
        if (byte === LF || byte === CR) this.lines++;
        at += blank;
        continue;
      }
      if (blank > 1) {
        at++;
        throw this.nonBlank();
      }
      if (byte === QUOTE && empty && !reopened) {
        reopened = true;
        at++;
        continue;
      }
      throw this.nonBlank();
    }
  }

  private notClosed(bytes: Uint8Array): never {
    const last = bytes[bytes.length - 1];
    const line = this.lines + (last === LF || last === CR ? 0 : 1);
    throw this.syntaxError('CSV_QUOTE_NOT_CLOSED', `Quote Not Closed: the parsing is finished with an opening quote at line ${line}`, line);
  }

  private nonBlank(): Error {
    const line = this.lines + 1;
    return this.syntaxError('CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', `Invalid Closing Quote: found non trimable byte after quote at line ${line}`, line);
  }

  private emit(): void {
    const cells = this.cells;
    // NOTE: csv-parse reports the line a record ends on; a quoted field can span lines, so the
    // first line is one past the previous record's end plus the empty lines skipped between.
    const line = this.previousEnd + 1 + (this.emptyLines - this.previousEmpty);
    this.previousEnd = this.lines + 1;
    this.previousEmpty = this.emptyLines;
    // NOTE: a record of one empty quoted field (`""`) is skipped like an empty line.
    if (cells.count === 1 && cells.isEmpty(0)) return;
    this.onRecord(cells, line);
  }

  private syntaxError(code: string, message: string, line: number) {
    return csvSyntaxError({ code, message, lines: line }, this.where, this.file);
  }
}

/** Bytes of a blank (csv-parse's trimmable characters: JavaScript's white space) at `at`, or 0. */
export function blankLength(bytes: Uint8Array, at: number): number {
  const byte = bytes[at];
  if (byte === SPACE || byte === TAB || byte === LF || byte === CR || byte === VT || byte === FF) return 1;
  if (byte < 0xc2) return 0;
  const second = bytes[at + 1];
  if (byte === 0xc2) return second === 0xa0 ? 2 : 0;
  const third = bytes[at + 2];
  if (byte === 0xe1) return second === 0x9a && third === 0x80 ? 3 : 0;
  if (byte === 0xe2) {
    if (second === 0x80) return third <= 0x8a || third === 0xa8 || third === 0xa9 || third === 0xaf ? (third >= 0x80 ? 3 : 0) : 0;
    return second === 0x81 && third === 0x9f ? 3 : 0;
  }
  if (byte === 0xe3) return second === 0x80 && third === 0x80 ? 3 : 0;
  if (byte === 0xef) return second === 0xbb && third === 0xbf ? 3 : 0;
  return 0;
}
