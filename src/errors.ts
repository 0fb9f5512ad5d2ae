/**
 * nnkit's error hierarchy. Every message says what happened, what was expected and how to fix it,
 * and includes the value received. Validation happens at the boundaries (constructors, compile,
 * fit inputs, file parsing), never inside hot loops.
 */
export type ErrorKind = 'shape' | 'config' | 'data' | 'state' | 'format' | 'value';

export class NnkitError extends Error {
  readonly kind: ErrorKind;
  /** A stable, machine-readable code such as `shape/feature-count`. */
  readonly code: string;

  constructor(kind: ErrorKind, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NnkitError';
    this.kind = kind;
    this.code = code;
  }
}

/** A tensor or array has the wrong shape or size for where it was passed. */
export class ShapeError extends NnkitError {
  constructor(code: string, message: string) {
    super('shape', code, message);
    this.name = 'ShapeError';
  }
}

/** An option, identifier or configuration object is invalid. */
export class ConfigError extends NnkitError {
  constructor(code: string, message: string) {
    super('config', code, message);
    this.name = 'ConfigError';
  }
}

/** Where a data error was found, so a person can open the file at the right place. */
export interface DataLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly row?: number;
}

/** Input data is invalid (NaN, a text value in a numeric column, a bad label...). */
export class DataError extends NnkitError {
  readonly location: DataLocation;
  constructor(code: string, message: string, location: DataLocation = {}) {
    super('data', code, message);
    this.name = 'DataError';
    this.location = location;
  }
}

/** A method was called at the wrong time (fit before compile, predict before build...). */
export class StateError extends NnkitError {
  constructor(code: string, message: string) {
    super('state', code, message);
    this.name = 'StateError';
  }
}

/** A saved file is corrupt, truncated or not an nnkit file. */
export class FormatError extends NnkitError {
  readonly file?: string;
  constructor(code: string, message: string, file?: string, options?: { cause?: unknown }) {
    super('format', code, message, options);
    this.name = 'FormatError';
    this.file = file;
  }
}

/** Longest string `show` prints whole, in characters; a longer one is cut with its length. */
const SHOWN_LENGTH = 60;

/**
 * Formats a received value for a message, short enough to read: a long string is cut, with its
 * length (`"abcd…" (52,428,800 characters)`), so a huge CSV field never floods a message.
 */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= SHOWN_LENGTH) return JSON.stringify(value);
    // NOTE: cut at a code point, so an emoji is not split into a lone surrogate.
    const head = Array.from(value.slice(0, SHOWN_LENGTH)).slice(0, SHOWN_LENGTH - 20).join('');
    return `${JSON.stringify(head + '…')} (${value.length.toLocaleString('en-US')} characters)`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as Float32Array).length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
