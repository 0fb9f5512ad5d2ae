import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { scratchCsv } from '../../test/helpers/scratch-csv.js';
import { readCsvBatches } from './read-csv-batches.js';
import { readCsvCellBatches } from './read-csv-cell-batches.js';

const csvFile = scratchCsv('nnkit-cell-batches-');

async function outcome<T>(read: () => AsyncIterable<T>, view: (batch: T) => unknown): Promise<unknown> {
  const seen: unknown[] = [];
  try {
    // NOTE: each batch is looked at before the next is asked for, as readCsvCellBatches requires.
    for await (const batch of read()) seen.push(view(batch));
    return seen;
  } catch (error) {
    return { seen, error: (error as Error).message };
  }
}

test('cell batches have the names, rows, lines, texts and errors of text batches', async () => {
  const rows = Array.from({ length: 2500 }, (_, i) => `${i % 7 === 0 ? 'NA' : i * 1.5},"q, ${i % 3}",${i % 2 ? 'yes' : ''}`);
  const texts = [
    '\ufeffa,b,c\r\n' + rows.join('\r\n') + '\r\n',
    'a,b,c\n1,"line\nbreak",x\n\n2,"say ""hi""",y\n3,,\n',
    'a,b,c\n1,2,3\n4,5\n',
    '',
  ];
  for (const text of texts) {
    const file = csvFile(text);
    const view = (batch: { names: readonly string[]; rows: number; lines?: ArrayLike<number>; columns: readonly (readonly string[])[] }) =>
      [batch.names, batch.rows, Array.from(batch.lines ?? []), batch.names.map((_, c) => [...batch.columns[c]])];
    const expected = await outcome(() => readCsvBatches(file, { batchSize: 1000 }), view);
    assert.deepEqual(await outcome(() => readCsvCellBatches(file, { batchSize: 1000, delimiter: ',', decimal: '.' }), view), expected, JSON.stringify(text.slice(0, 30)));
  }
});

test('progress counts the bytes after each chunk read and the rows of every batch, the last short one too', async () => {
  const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${'x'.repeat(i % 50)}`);
  const file = csvFile(['a,b', ...rows].join('\n') + '\n');
  const seen: [number, number][] = [];
  let batches = 0;
  for await (const batch of readCsvCellBatches(file, { batchSize: 7000, delimiter: ',', decimal: '.', onProgress: ({ bytesRead, rows }) => seen.push([bytesRead, rows]) })) {
    batches += batch.rows > 0 ? 1 : 0;
  }
  const size = statSync(file).size;
  assert.equal(batches, 5);
  assert.ok(seen.length >= 2 && seen.every(([bytes, rows], i) => i === 0 || (bytes >= seen[i - 1][0] && rows >= seen[i - 1][1])), 'only grows');
  assert.deepEqual(seen[seen.length - 1], [size, 30_000]);
});
