import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../data/parse-csv.js';
import { fileChunks } from './file-chunks.js';
import { readCsv } from './read-csv.js';

const scratch = mkdtempSync(join(tmpdir(), 'nnkit-file-chunks-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('fileChunks gives the bytes of a range of the file in order, in reused buffers', async () => {
  const file = join(scratch, 'bytes.bin');
  const bytes = Uint8Array.from({ length: 3 * (1 << 20) + 12345 }, (_, i) => (i * 7919) % 251);
  writeFileSync(file, bytes);
  for (const [start, end] of [[0, Infinity], [5, 2 * (1 << 20) + 3], [1 << 20, 1 << 20], [bytes.length - 10, Infinity]]) {
    const copies: Uint8Array[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of fileChunks(file, start, end)) {
      copies.push(new Uint8Array(chunk));
      buffers.add(chunk.buffer);
    }
    assert.deepEqual(Buffer.concat(copies), Buffer.from(bytes.subarray(start, Math.min(end, bytes.length))), `${start}–${end}`);
    assert.ok(buffers.size <= 2);
  }
});

test('readCsv keeps nothing of a chunk whose buffer is refilled: its table equals parseCsv of the text', async () => {
  // NOTE: categories, quoted fields and records cut by the 1 MiB chunk ends, read with buffers
  // refilled for the next chunk (a Node Buffer's slice is a view: copies must be real copies).
  const rows = Array.from({ length: 100_000 }, (_, i) => `${i % 97}.5,city ${i % 13},"note, ${i % 7}",${['yes', 'no'][i % 2]},${i % 3}`);
  const text = ['x,city,note,flag,label', ...rows].join('\n') + '\n';
  const file = join(scratch, 'table.csv');
  writeFileSync(file, text);
  assert.ok(readFileSync(file).length > 2 << 20);
  const { file: _file, ...read } = await readCsv(file, { parallel: false });
  const { file: _none, ...parsed } = parseCsv(text, { file });
  assert.deepStrictEqual(read, parsed);
});
