import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NnkitError } from '../errors.js';
import { libraryHint } from '../data/option-hint.js';
import { readCsv, type CsvProgress, type ReadCsvOptions } from './read-csv.js';
import { readCsvParts } from './read-csv-in-parts.js';

const scratch = mkdtempSync(join(tmpdir(), 'nnkit-read-csv-parts-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let written = 0;
function csvFile(text: string | Uint8Array): string {
  const file = join(scratch, `file-${written++}.csv`);
  writeFileSync(file, text);
  return file;
}

type Outcome = { readonly table: unknown } | { readonly error: { name: string; code: string; message: string; location: unknown } };

async function outcome(read: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { table: await read() };
  } catch (error) {
    assert.ok(error instanceof NnkitError, `expected an NnkitError, got ${String(error)}`);
    return { error: { name: error.name, code: error.code, message: error.message, location: (error as { location?: unknown }).location } };
  }
}

/**
 * Reads `text` in two parts split at each of `splits` (offsets; the split is the line feed at or
 * after each) and asserts every read equals the one-pass read; returns how many merged.
 */
async function sameAsOnePass(text: string | Uint8Array, splits: readonly number[], options: ReadCsvOptions = {}): Promise<{ merged: number; expected: Outcome }> {
  const file = csvFile(text);
  const expected = await outcome(() => readCsv(file, { ...options, parallel: false }));
  const size = statSync(file).size;
  let merged = 0;
  for (const splitNear of splits) {
    let parts = false;
    const got = await outcome(async () => {
      const read = await readCsvParts(file, options, libraryHint, { size, delimiter: ',', splitNear });
      parts = read.merged;
      return read.table;
    });
    assert.deepStrictEqual(got, expected, `split near byte ${splitNear} of ${size}`);
    if (parts) merged++;
  }
  return { merged, expected };
}

/** Offsets `from`, `from + step`… below `to`. */
const every = (from: number, to: number, step: number) => Array.from({ length: Math.ceil((to - from) / step) }, (_, i) => from + i * step);

function mixedRows(rows: number, row: (i: number) => string, header = 'x,color,flag,note,label'): string {
  return [header, ...Array.from({ length: rows }, (_, i) => row(i))].join('\n') + '\n';
}

const mixed = (i: number) =>
  `${i % 7 === 0 ? 'NA' : ((i * 37) % 101) / 4},${['red', 'green', 'blue'][i % 3]},${i % 5 === 0 ? '' : i % 2 ? 'yes' : 'no'},` +
  `"${i % 4 === 0 ? 'a, quoted' : `n${i % 6}`}",${i % 3 === 0 ? 'pos' : 'neg'}`;

test('numeric, categorical, boolean, missing and quoted cells read in two parts equal the one-pass read at splits across the file', async () => {
  const text = mixedRows(120, mixed);
  const splits = every(0, text.length, 211);
  const { merged } = await sameAsOnePass(text, splits);
  assert.ok(merged >= splits.length - 2, `${merged} of ${splits.length} splits merged`);
});

test('quoted line breaks at and around the split give the one-pass table (the first part decides)', async () => {
  const text = mixedRows(60, (i) => `${i},"line one\nline ${i % 4}",${i % 2 ? 'true' : 'false'},"a ""b""\r\nc",${i % 2}`);
  const { merged } = await sameAsOnePass(text, every(text.length / 2 - 60, text.length / 2 + 60, 4));
  assert.ok(merged > 0, 'some splits fall between records');
});

test('a column with text only in the second part gives the one-pass error or categories', async () => {
  // Few text values: the column holds numbers, and the error names the first text's line.
  const few = mixedRows(200, (i) => `${i},${i > 150 && i % 20 === 0 ? 'oops' : i},a,b,${i % 2}`);
  const numbers = await sameAsOnePass(few, [few.length / 4, few.length / 2, (3 * few.length) / 4]);
  assert.ok('error' in numbers.expected && numbers.expected.error.code === 'data/text-in-numeric-column');
  // Many text values: the column is categorical, its numbers kept as their spellings.
  const many = mixedRows(200, (i) => `${i},${i > 100 && i % 2 === 0 ? `t${i % 5}` : `${i % 9}.0`},a,b,${i % 2}`);
  const categories = await sameAsOnePass(many, [many.length / 4, many.length / 2, (3 * many.length) / 4]);
  assert.ok('table' in categories.expected);
});

test('text only in the first part and numbers in the second merge as categories named by their spellings', async () => {
  const text = mixedRows(200, (i) => `${i},${i < 100 ? ['x', 'y', '07', 'NA'][i % 4] : ['07', '8.50', '9', ''][i % 4]},a,b,${i % 2}`);
  const { merged } = await sameAsOnePass(text, [(2 * text.length) / 3, (3 * text.length) / 4]);
  assert.equal(merged, 2);
});

test('classes, categories and warnings met first in the second part merge in order of appearance', async () => {
  const text = mixedRows(300, (i) => `${i},${i < 150 ? 'a' : ['b', 'a', '1', '2', '3'][i % 5]},${i % 3},z,${i < 150 ? i % 2 : ['1.0', '2', '0'][i % 3]}`);
  const { merged } = await sameAsOnePass(text, [text.length / 3, text.length / 2, (2 * text.length) / 3]);
  assert.equal(merged, 3);
});

test('CRLF line endings and a UTF-8 byte-order mark read in two parts equal the one-pass read', async () => {
  const body = mixedRows(80, mixed).replaceAll('\n', '\r\n');
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
  const { merged } = await sameAsOnePass(bytes, [0, 2, ...every(bytes.length / 2 - 40, bytes.length / 2 + 40, 7)]);
  assert.ok(merged > 0);
});

test('errors in the second part keep their line, column and value as in the one-pass read', async () => {
  const ragged = mixedRows(100, (i) => (i === 80 ? '1,red,yes' : mixed(i)));
  const forced = mixedRows(100, (i) => (i === 90 ? mixed(i).replace(/^[^,]*/, 'ten') : mixed(i)));
  const missingLabel = mixedRows(100, (i) => (i === 70 ? mixed(i).replace(/[^,]*$/, 'NA') : mixed(i)));
  const unclosed = mixedRows(100, (i) => (i === 99 ? `1,red,yes,"open,pos` : mixed(i)));
  for (const [text, options] of [[ragged, {}], [forced, { columnTypes: { x: 'numeric' } }], [missingLabel, {}], [unclosed, {}]] as const) {
    const { expected } = await sameAsOnePass(text, [text.length / 2], options);
    assert.ok('error' in expected && expected.error.location !== undefined);
  }
});

test('readCsv reads a large file in two parts to the one-pass table, with progress to the end', async () => {
  const rows = Array.from({ length: 400_000 }, (_, i) => `${i % 1000},${(i * 7) % 13}.25,${['a', 'b', 'c'][i % 3]},${i % 2}`);
  const big = csvFile(['p,q,r,label', ...rows, ...rows, ...rows, ...rows].join('\n') + '\n');
  assert.ok(statSync(big).size >= 16 << 20, `${statSync(big).size} bytes`);
  const reports: CsvProgress[] = [];
  const { file: _file, ...table } = await readCsv(big, { onProgress: (progress) => reports.push(progress) });
  assert.deepStrictEqual(table, (({ file: _none, ...rest }) => rest)(await readCsv(big, { parallel: false })));
  const last = reports[reports.length - 1];
  assert.deepEqual([last.bytesRead, last.totalBytes, last.rows], [statSync(big).size, statSync(big).size, 1_600_000]);
  assert.ok(reports.every((report, i) => i === 0 || report.bytesRead >= reports[i - 1].bytesRead), 'progress only grows');
  // The rows read here went into the worker's shared columns, in front of its own: no column was copied.
  const read = await readCsvParts(big, {}, libraryHint, { size: statSync(big).size, delimiter: ',' });
  assert.ok(read.merged);
  const [p, , r] = read.table.features.columns;
  assert.ok(p.kind === 'numeric' && p.values.buffer instanceof SharedArrayBuffer, 'numeric values in shared memory');
  assert.ok(r.kind === 'categorical' && r.codes.buffer instanceof SharedArrayBuffer, 'category codes in shared memory');
  assert.ok(read.table.target!.labels.buffer instanceof SharedArrayBuffer, 'class labels in shared memory');
  assert.deepStrictEqual(read.table.features, table.features);
});
