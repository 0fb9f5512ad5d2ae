import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLines } from './count-lines.js';

const scratch = mkdtempSync(join(tmpdir(), 'nnkit-count-lines-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('countLines counts line feeds plus a last line without one', async () => {
  const cases: [string, number][] = [['', 0], ['a', 1], ['a\n', 1], ['a\nb', 2], ['a\r\nb\r\n', 2], ['\n\n', 2]];
  for (const [i, [text, lines]] of cases.entries()) {
    const file = join(scratch, `case-${i}.csv`);
    writeFileSync(file, text);
    assert.equal(await countLines(file), lines, JSON.stringify(text));
  }
});

test('countLines agrees with the bundled dataset and is undefined for a missing file', async () => {
  assert.equal(await countLines('data/breast_cancer.csv'), 570);
  assert.equal(await countLines(join(scratch, 'absent.csv')), undefined);
});
