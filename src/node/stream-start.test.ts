import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { readCsvBatches } from './read-csv-batches.js';
import { readStreamStart } from './stream-start.js';

async function text(stream: Readable): Promise<string> {
  let all = '';
  for await (const chunk of stream) all += String(chunk);
  return all;
}

test('readStreamStart reads ahead at least the bytes asked for and gives the whole stream back', async () => {
  const chunks = ['abc', 'def', 'ghi', 'jkl'];
  const ahead = await readStreamStart(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), 5);
  assert.equal(ahead.start.toString(), 'abcdef');
  assert.equal(await text(ahead.whole), 'abcdefghijkl');
});

test('readStreamStart of a stream shorter than asked holds it all', async () => {
  const ahead = await readStreamStart(Readable.from([Buffer.from('a,b\n')]), 1000);
  assert.equal(ahead.start.toString(), 'a,b\n');
  assert.equal(await text(ahead.whole), 'a,b\n');
  const empty = await readStreamStart(Readable.from([]), 10);
  assert.equal(empty.start.length, 0);
  assert.equal(await text(empty.whole), '');
});

test('readCsvBatches reads a stream as it reads a file, sniffing the delimiter, naming it in errors', async () => {
  const csv = 'a;b\n' + Array.from({ length: 5000 }, (_, i) => `${i};x${i}`).join('\n') + '\n';
  const pieces = Array.from({ length: Math.ceil(csv.length / 777) }, (_, i) => Buffer.from(csv.slice(i * 777, (i + 1) * 777)));
  const seen: string[] = [];
  for await (const batch of readCsvBatches({ stream: Readable.from(pieces), name: 'standard input' }, { batchSize: 1000 })) {
    assert.deepEqual(batch.names, ['a', 'b']);
    assert.equal(batch.file, 'standard input');
    seen.push(...batch.columns[0]);
  }
  assert.deepEqual(seen, Array.from({ length: 5000 }, (_, i) => String(i)));
  const ragged = readCsvBatches({ stream: Readable.from(['a,b\n1,2\n3\n']), name: 'standard input' });
  await assert.rejects(async () => {
    for await (const _ of ragged);
  }, /^DataError: standard input, line 3: this row has 1 values/);
});
