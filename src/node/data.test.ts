import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as data from './data.js';

test("nn.data.readCsv and readCsvBatches are in the Node entry's data namespace", async () => {
  const table = await data.readCsv('data/iris.csv');
  assert.equal(table.rows, 150);
  assert.deepEqual(table.target?.classes, ['0', '1', '2']);
  let rows = 0;
  for await (const batch of data.readCsvBatches('data/iris.csv', { batchSize: 64 })) rows += batch.rows;
  assert.equal(rows, 150);
});
