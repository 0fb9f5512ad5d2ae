/**
 * The page of the two-part CSV test (csv-parts.test.ts), bundled from the sources: it makes large
 * CSV Blobs in the page (numbers, categories, quoted fields with delimiters, quotes and line
 * breaks, missing values) and reads each on one thread and in two parts, comparing the two
 * outcomes in the page (every typed array by its bytes), so no table crosses to the test.
 */
import * as nn from '../../src/browser/index.js';
import { readBlobCsvParts } from '../../src/browser/read-csv-in-parts.js';
import { libraryHint } from '../../src/data/option-hint.js';

export interface MadeCsv {
  readonly size: number;
  /** Offsets of line feeds inside quoted fields, nearest the middle first. */
  readonly quotedBreaks: readonly number[];
}

export interface BothReads {
  /** Where the two-part outcome differs from the one-thread outcome (empty: equal). */
  readonly differences: readonly string[];
  /** Likewise for nn.data.readCsv(blob, options) with the default `parallel` (when asked for). */
  readonly publicDifferences?: readonly string[];
  /** Whether the worker's part was merged (false: the page read the rest itself). */
  readonly merged: boolean;
  readonly rows?: number;
  readonly error?: string;
  /**
   * Whether the two-part table's first feature array is in a SharedArrayBuffer (the worker's, not
   * copied: only when the line count was exact, i.e. no quoted line break, see ChunkedArray.toArray).
   */
  readonly shared?: boolean;
  readonly ms: { readonly one: number; readonly parts: number };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so every page makes the same bytes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLORS = ['red', 'green', 'blue', 'amber', 'violet'];
const NOTES = ['plain', '"with, a comma"', '"say ""hi"""', '"two\nlines"', 'NA', ''];

/** How a made CSV differs from the plain mix. */
export interface MakeOptions {
  /** The row index of a row with an extra value. */
  readonly ragged?: number;
  /** Whether some quoted notes hold a line break (default true). */
  readonly breaks?: boolean;
}

/** A CSV of `rows` rows (x, count, color, note, flag, label). */
function makeCsv(rows: number, seed: number, { ragged, breaks: withBreaks = true }: MakeOptions): { blob: Blob; made: MadeCsv } {
  const next = random(seed);
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode('x,count,color,note,flag,label\n')];
  const breaks: number[] = [];
  let size = parts[0].length;
  let lines: string[] = [];
  const flush = () => {
    const bytes = encoder.encode(lines.join(''));
    for (let at = bytes.indexOf(0x22); at >= 0; at = bytes.indexOf(0x22, at + 1)) {
      // A quoted line break: the only line feed right after "two (see NOTES).
      if (bytes[at + 1] === 0x74 && bytes[at + 4] === 10) breaks.push(size + at + 4);
    }
    parts.push(bytes);
    size += bytes.length;
    lines = [];
  };
  for (let row = 0; row < rows; row++) {
    const x = next() < 0.03 ? '' : (next() * 200 - 100).toFixed(1 + Math.floor(next() * 4));
    const count = next() < 0.02 ? 'NA' : String(Math.floor(next() * 1000));
    const color = next() < 0.02 ? '' : COLORS[Math.floor(next() * COLORS.length)];
    const note = NOTES[Math.floor(next() * NOTES.length)].replace('\n', withBreaks ? '\n' : ' ');
    const flag = next() < 0.5 ? 'yes' : 'no';
    const label = ['a', 'b', 'c'][Math.floor(next() * 3)];
    lines.push(`${x},${count},${color},${note},${flag},${label}${row === ragged ? ',extra' : ''}\n`);
    if (lines.length === 4096) flush();
  }
  flush();
  const blob = new File(parts, `made-${seed}.csv`, { type: 'text/csv' });
  const middle = size / 2;
  return { blob, made: { size, quotedBreaks: breaks.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle)).slice(0, 5) } };
}

type Outcome = { readonly table: unknown } | { readonly error: unknown };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { table: await read() };
  } catch (caught) {
    const error = caught as Error & { code?: unknown; location?: unknown };
    return { error: { name: error.name, code: error.code, message: error.message, location: error.location } };
  }
}

/** Where `actual` differs from `expected` (typed arrays by type and bytes; at most 5 paths). */
function differences(actual: unknown, expected: unknown, path = '', found: string[] = []): string[] {
  if (found.length >= 5) return found;
  if (ArrayBuffer.isView(actual) || ArrayBuffer.isView(expected)) {
    const bytes = (view: unknown) => (ArrayBuffer.isView(view) ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : undefined);
    const [a, b] = [bytes(actual), bytes(expected)];
    const same = a !== undefined && b !== undefined && actual!.constructor === expected!.constructor && a.length === b.length && a.every((byte, i) => byte === b[i]);
    if (!same) found.push(`${path}: ${actual?.constructor.name} of ${a?.length} bytes ≠ ${expected?.constructor.name} of ${b?.length} bytes, or other bytes`);
    return found;
  }
  if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object') {
    if (Array.isArray(actual) !== Array.isArray(expected)) found.push(`${path}: an array and not`);
    const defined = (value: object) => Object.entries(value).filter(([, v]) => v !== undefined).map(([k]) => k);
    const keys = [...new Set([...defined(actual), ...defined(expected)])];
    for (const key of keys) differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`, found);
    return found;
  }
  if (!Object.is(actual, expected)) found.push(`${path || '(root)'}: ${JSON.stringify(actual)?.slice(0, 160)} ≠ ${JSON.stringify(expected)?.slice(0, 160)}`);
  return found;
}

function firstArray(table: unknown): ArrayBufferView | undefined {
  const columns = (table as { features?: { columns?: { values?: ArrayBufferView; codes?: ArrayBufferView }[] } }).features?.columns;
  return columns?.[0]?.values ?? columns?.[0]?.codes;
}

const blobs = new Map<string, Blob>();

const app = {
  make(name: string, rows: number, seed: number, options: MakeOptions = {}): MadeCsv {
    const { blob, made } = makeCsv(rows, seed, options);
    blobs.set(name, blob);
    return made;
  },

  /** Reads a made Blob on one thread, in two parts (as `plan` says), and with the default `parallel` if `alsoByDefault`. */
  async readBoth(name: string, options: nn.data.ReadCsvOptions = {}, plan: Parameters<typeof readBlobCsvParts>[3] = {}, alsoByDefault = false): Promise<BothReads> {
    const blob = blobs.get(name)!;
    let began = performance.now();
    const one = await outcome(() => nn.data.readCsv(blob, { ...options, parallel: false }));
    const oneMs = performance.now() - began;
    let merged = false;
    began = performance.now();
    const parts = await outcome(async () => {
      const read = await readBlobCsvParts(blob, { ...options, file: blob instanceof File ? blob.name : undefined }, libraryHint, plan);
      merged = read.merged;
      return read.table;
    });
    const partsMs = performance.now() - began;
    const byDefault = alsoByDefault ? await outcome(() => nn.data.readCsv(blob, options)) : undefined;
    const array = 'table' in parts ? firstArray(parts.table) : undefined;
    return {
      differences: differences(parts, one),
      ...(byDefault === undefined ? {} : { publicDifferences: differences(byDefault, one) }),
      merged,
      ...('table' in one ? { rows: (one.table as { features: { rows: number } }).features.rows } : { error: (one.error as Error).message }),
      ...(array === undefined ? {} : { shared: typeof SharedArrayBuffer === 'function' && array.buffer instanceof SharedArrayBuffer }),
      ms: { one: oneMs, parts: partsMs },
    };
  },
};

(window as unknown as { app: typeof app }).app = app;
