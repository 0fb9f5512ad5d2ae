import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvBytesTable } from './csv-bytes-table.js';

/** Reads `bytes` pushed in chunks of `size` from one buffer, scribbled over after each push. */
function readReusingOneBuffer(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  const table = new CsvBytesTable(text.slice(0, 65536));
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    buffer.set(chunk);
    table.push(buffer.subarray(0, chunk.length));
    buffer.fill(0x2c);
  }
  return table.end();
}

test('a pushed chunk is not kept: its buffer may be refilled at once (a Buffer slice is no copy)', () => {
  const rows = Array.from({ length: 400 }, (_, i) => `${i % 9}.5,city ${i % 5},"note, ${i % 3}",${['yes', 'no'][i % 2]},${i % 3}`);
  const text = ['x,city,note,flag,label', ...rows].join('\n') + '\n';
  const whole = new CsvBytesTable(text.slice(0, 65536));
  whole.push(new TextEncoder().encode(text));
  const expected = whole.end();
  for (const size of [3, 7, 64, 1000]) assert.deepStrictEqual(readReusingOneBuffer(text, size), expected, `chunks of ${size}`);
});
