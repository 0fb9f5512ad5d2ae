/**
 * CSV read in a page equals Node's reader: an app bundled from 'nnkit' with esbuild reads files
 * picked in an <input type="file"> with nn.data.readCsv(file) in headless Chromium, and each
 * table is the one Node's readCsv(path) gives for the same file, bit for bit (every column's
 * float32 values, codes, categories, the target, the warnings); each malformed file fails with
 * the same error: class, code, message and location (file, line, column, row). A dropped file
 * and a fetched body (a ReadableStream) read the same way, and a large Blob reports progress.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CsvProgress } from '../../src/data/csv-read-chunks.js';
import { readCsv } from '../../src/node/read-csv.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { buildWithEsbuild } from './build-with-esbuild.js';
import { CSV_FILE_APP } from './csv-file-app.js';
import { BUNDLED, MALFORMED, SHARED, SHARED_DATASETS, type CsvCase } from './csv-file-cases.js';
import { csvOutcome, differences, type CsvOutcome } from './csv-file-outcome.js';
import { serveFolder, type ServedSite } from './served-page.js';
import { userApp, type UserApp } from './user-app.js';

interface PageApp {
  readPicked(index: number, options?: object): Promise<CsvOutcome>;
  readDropped(): Promise<CsvOutcome> | undefined;
  readFetched(path: string): Promise<CsvOutcome>;
  progress(index: number): Promise<{ size: number; rows: number; events: CsvProgress[] }>;
}

/** Node's outcome for the file at `path`, with the path written as the page's File names it. */
async function nodeOutcome(path: string, name: string, options: object = {}): Promise<CsvOutcome> {
  const outcome = await csvOutcome(() => readCsv(path, options));
  return JSON.parse(JSON.stringify(outcome).replaceAll(JSON.stringify(path).slice(1, -1), name)) as CsvOutcome;
}

function pageRead(page: Page, index: number, options?: object): Promise<CsvOutcome> {
  return page.evaluate(([i, o]) => (window as unknown as { app: PageApp }).app.readPicked(i, o), [index, options] as const);
}

describe('CSV read in a page from a File equals the Node reader', { skip }, () => {
  let app: UserApp;
  let scratch: string;
  let browser: Browser;
  let site: ServedSite;
  let page: Page;
  const datasets = [...BUNDLED, ...SHARED];
  // Picked in this order: the datasets, then the malformed files.
  const picked: CsvCase[] = [];

  before(async () => {
    // NOTE: launched first, so a failure below still closes it in after() and the run ends.
    browser = await launchChromium();
    app = await userApp({ 'app.ts': CSV_FILE_APP, 'csv-file-outcome.ts': await readFile(join(import.meta.dirname, 'csv-file-outcome.ts'), 'utf8') });
    const built = await buildWithEsbuild(app.path);
    assert.deepEqual(built.messages, []);
    await mkdir(join(app.path, 'public', 'data'));
    for (const file of BUNDLED) await copyFile(file, join(app.path, 'public', 'data', basename(file)));
    scratch = await mkdtemp(join(tmpdir(), 'nnkit-csv-file-'));
    for (const file of datasets) picked.push({ name: basename(file), bytes: await readFile(file) });
    for (const malformed of MALFORMED) {
      await writeFile(join(scratch, malformed.name), malformed.bytes);
      picked.push(malformed);
    }
    site = await serveFolder(browser, join(app.path, 'public'));
    page = await site.open();
    await page.setInputFiles('#csv', picked.map(({ name, bytes }) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) })));
  });

  after(async () => {
    await browser?.close();
    await app?.remove();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  test('the bundled and shared datasets read as the same tables, bit for bit', async (t) => {
    if (SHARED.length === 0) t.diagnostic(`${SHARED_DATASETS} is missing: only the bundled datasets were compared`);
    for (const [index, file] of datasets.entries()) {
      const expected = await nodeOutcome(file, basename(file));
      assert.ok('table' in expected, `${file}: Node reads it`);
      assert.deepEqual(differences(await pageRead(page, index), expected), [], file);
    }
  });

  test('a malformed file fails with the same error: code, message, file, line, column, value', async () => {
    const failed: Extract<CsvOutcome, { error: unknown }>['error'][] = [];
    for (const [offset, malformed] of MALFORMED.entries()) {
      const expected = await nodeOutcome(join(scratch, malformed.name), malformed.name, malformed.options);
      const actual = await pageRead(page, datasets.length + offset, malformed.options);
      assert.deepEqual(differences(actual, expected), [], malformed.name);
      if ('error' in actual) failed.push(actual.error);
    }
    // NOTE: decimal-comma.csv reads (with its warnings); every other file fails.
    assert.equal(failed.length, MALFORMED.length - 1);
    const located = failed.find((error) => error.code === 'data/text-in-numeric-column');
    assert.deepEqual(located?.location, { file: 'text-after-numbers.csv', line: 1202, column: 'x', row: 1200 });
  });

  test('a file dropped on the page and a fetched body (a ReadableStream) read the same table', async () => {
    const dataTransfer = await page.evaluateHandle(async () => {
      const bytes = await (await fetch('/data/iris.csv')).arrayBuffer();
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'iris.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    const dropped = await page.evaluate(() => (window as unknown as { app: PageApp }).app.readDropped());
    assert.deepEqual(differences(dropped, await nodeOutcome(BUNDLED[2], 'iris.csv')), []);

    const fetched = await page.evaluate(() => (window as unknown as { app: PageApp }).app.readFetched('/data/breast_cancer.csv'));
    const expected = await nodeOutcome(BUNDLED[0], 'breast_cancer.csv');
    // NOTE: a stream has no name, so the table names no file.
    assert.ok('table' in expected && 'table' in fetched);
    const { file, ...unnamed } = expected.table as { file: string };
    assert.equal(file, 'breast_cancer.csv');
    assert.deepEqual(differences(fetched.table, unnamed), []);
  });

  test('a large Blob reports progress: bytes read rising to its size, rows to the table\'s', async () => {
    const index = picked.findIndex((file) => file.bytes.length > 2_000_000);
    const { size, rows, events } = await page.evaluate((i) => (window as unknown as { app: PageApp }).app.progress(i), index);
    // NOTE: one event per chunk of the Blob's stream, which Chromium cuts at about 1 MiB.
    assert.ok(events.length >= 3, `${events.length} progress events for ${size} bytes: ${JSON.stringify(events)}`);
    assert.ok(events.every((event) => event.totalBytes === size));
    assert.ok(events.every((event, i) => i === 0 || (event.bytesRead > events[i - 1].bytesRead && event.rows >= events[i - 1].rows)));
    assert.equal(events.at(-1)!.bytesRead, size);
    assert.ok(events[0].rows < rows && events.at(-1)!.rows >= rows - 1, `rows ${events[0].rows} … ${events.at(-1)!.rows} of ${rows}`);
    assert.deepEqual(site.errors, []);
    assert.deepEqual(site.refused, []);
  });
});
