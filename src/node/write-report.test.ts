import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { binaryReportFixture } from '../../test/browser/report-fixture.js';
import { writeReport } from './write-report.js';

describe('writeReport', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'nnkit-report-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('writes the whole page, creating missing folders, and leaves no temporary file', async () => {
    const path = join(folder, 'nested', 'deeper', 'report.html');
    await writeReport(path, binaryReportFixture());
    const html = await readFile(path, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<\/html>\n$/);
    assert.deepEqual(await readdir(join(folder, 'nested', 'deeper')), ['report.html']);
  });

  test('on invalid data throws and leaves an earlier report untouched', async () => {
    const path = join(folder, 'kept.html');
    await writeFile(path, 'earlier report');
    const invalid = binaryReportFixture({ metrics: { ...binaryReportFixture().metrics, baselineAccuracy: 2 } });
    await assert.rejects(writeReport(path, invalid), /metrics\.baselineAccuracy holds 2/);
    assert.equal(await readFile(path, 'utf8'), 'earlier report');
    assert.deepEqual((await readdir(folder)).filter((name) => name.startsWith('.nnkit-tmp-')), []);
  });

  test('when the target cannot be replaced removes its temporary file and rethrows', async () => {
    const path = join(folder, 'a-folder.html');
    // NOTE: a non-empty directory at the target path makes rename fail after the write.
    await mkdir(join(path, 'inside'), { recursive: true });
    await assert.rejects(writeReport(path, binaryReportFixture()), /EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    assert.deepEqual((await readdir(folder)).filter((name) => name.startsWith('.nnkit-tmp-')), []);
  });
});
