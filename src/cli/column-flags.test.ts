import assert from 'node:assert/strict';
import { test } from 'node:test';
import { libraryHint } from '../data/option-hint.js';
import { columnTypeFlags, decimalFlag, flagHint } from './column-flags.js';

test('flagHint writes each setting as the flag a shell user types, quoting what the shell would split', () => {
  assert.equal(flagHint({ option: 'columnTypes', column: 'zip', type: 'categorical' }), '--column-type zip=categorical');
  assert.equal(flagHint({ option: 'columnTypes', column: 'zip code', type: 'numeric' }), `--column-type 'zip code=numeric'`);
  assert.equal(flagHint({ option: 'columnTypes', column: "o'neil", type: 'numeric' }), `--column-type 'o'\\''neil=numeric'`);
  assert.equal(flagHint({ option: 'columnTypes', column: 'id', type: 'ignore' }), '--ignore id');
  assert.equal(flagHint({ option: 'columnTypes', column: 'a,b', type: 'ignore' }), `--column-type a,b=ignore`);
  assert.equal(flagHint({ option: 'decimal', value: ',' }), '--decimal ,');
  assert.equal(flagHint({ option: 'maxCategories', value: 120 }), '--max-categories 120');
  assert.equal(flagHint({ option: 'minFrequency', value: 1 }), '--min-frequency 1');
  assert.equal(flagHint({ option: 'delimiter', value: ';' }), `--delimiter ';'`);
});

test('libraryHint writes the same settings as options', () => {
  assert.equal(libraryHint({ option: 'columnTypes', column: 'zip', type: 'categorical' }), 'columnTypes: { "zip": "categorical" }');
  assert.equal(libraryHint({ option: 'decimal', value: ',' }), 'decimal: ","');
  assert.equal(libraryHint({ option: 'maxCategories', value: 120 }), 'maxCategories: 120');
  assert.equal(libraryHint({ option: 'target', value: 'churned' }), 'target: "churned"');
});

test('what flagHint writes, the flag parsers read back', () => {
  for (const column of ['zip', 'zip code', 'a=b', 'a,b']) {
    const written = flagHint({ option: 'columnTypes', column, type: 'ignore' });
    const value = written.replace(/^--\S+ /, '').replace(/^'(.*)'$/, '$1');
    const types = written.startsWith('--ignore') ? columnTypeFlags('train', undefined, [value]) : columnTypeFlags('train', [value], undefined);
    assert.deepEqual(types, { [column]: 'ignore' });
  }
  assert.equal(decimalFlag('train', ','), ',');
  assert.equal(columnTypeFlags('train', undefined, undefined), undefined);
});
