/**
 * nn.data.readCsv of a large File in headless Chromium reads it in two parts at once (the page's
 * thread and a Web Worker started from a Blob URL) and gives exactly the one-thread outcome: the
 * same table (every array's bytes), warnings and errors with their lines. In each layout of the
 * worker's columns (see PartLayoutKind): its own chunks, transferred and copied in (the default);
 * whole-file arrays it counted the lines for, transferred; those arrays shared on a cross-origin
 * isolated page. Where the page's CSP forbids blob: workers, and where the split falls inside a
 * quoted line break, the page reads the rest itself. The Blobs (18 MiB) are made in the page.
 */
import './worker-bundle.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundleForBrowser, chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import type { PartLayoutKind } from '../../src/browser/csv-part-messages.js';
import type { BothReads, MadeCsv, MakeOptions } from './csv-parts-page.js';

type Plan = { splitNear?: number; layout?: PartLayoutKind };
type PageApp = {
  make(name: string, rows: number, seed: number, options?: MakeOptions): MadeCsv;
  readBoth(name: string, options?: object, plan?: Plan, alsoByDefault?: boolean): Promise<BothReads>;
};

/** Rows of the made Blob: about 18.6 MiB, over the 16 MiB from which readCsv reads in two parts. */
const ROWS = 600_000;

const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const NO_WORKERS = { 'Content-Security-Policy': "worker-src 'none'" };

describe('readCsv of a large File in a page, in two parts: the one-thread outcome exactly', { skip }, () => {
  let browser: Browser;
  let bundle: string;

  before(async () => {
    browser = await launchChromium();
    bundle = (await bundleForBrowser("import './test/browser/csv-parts-page.ts';")).code;
  });

  after(async () => {
    await browser?.close();
  });

  /** A page at https://nnkit.test/ served with `headers`, running the test page's bundle. */
  async function openPage(headers: Record<string, string>): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    await page.route('https://nnkit.test/', (route) => route.fulfill({ contentType: 'text/html', headers, body: '<!doctype html><title>nnkit</title>' }));
    await page.goto('https://nnkit.test/');
    await page.addScriptTag({ content: bundle });
    return { page, errors };
  }

  const make = (page: Page, name: string, seed: number, options: MakeOptions = {}) =>
    page.evaluate(([n, rows, s, o]) => (window as unknown as { app: PageApp }).app.make(n, rows, s, o), [name, ROWS, seed, options] as const);
  /** The one-thread and two-part reads of a made Blob, and nn.data.readCsv's with its default `parallel` if `byDefault`. */
  const readBoth = (page: Page, name: string, options: object, { byDefault = false, ...plan }: Plan & { byDefault?: boolean } = {}) =>
    page.evaluate(([n, o, p, d]) => (window as unknown as { app: PageApp }).app.readBoth(n, o, p, d), [name, options, plan, byDefault] as const);

  describe('on a cross-origin isolated page', () => {
    let page: Page;
    let errors: string[];
    let made: MadeCsv;
    before(async () => {
      ({ page, errors } = await openPage(ISOLATED));
      assert.equal(await page.evaluate(() => crossOriginIsolated), true);
      made = await make(page, 'mixed', 7);
      assert.ok(made.size >= 16 << 20, `the made CSV has ${made.size} bytes`);
    });

    test('two parts read the same table as one thread', async (t) => {
      const read = await readBoth(page, 'mixed', { target: 'label' }, { byDefault: true });
      t.diagnostic(`${made.size} bytes, ${read.rows} rows: one thread ${read.ms.one.toFixed(0)} ms, two parts ${read.ms.parts.toFixed(0)} ms`);
      assert.deepEqual(read.differences, []);
      assert.deepEqual(read.publicDifferences, []);
      assert.equal(read.rows, ROWS);
      assert.equal(read.merged, true, 'the worker part was merged');
      assert.deepEqual(errors, []);
    });

    test("in the 'shared' layout with no quoted line break, the table keeps the shared columns both threads wrote", async () => {
      await make(page, 'flat', 5, { breaks: false });
      const read = await readBoth(page, 'flat', { target: 'label' }, { layout: 'shared' });
      assert.deepEqual(read.differences, []);
      assert.equal(read.merged, true);
      assert.equal(read.shared, true, 'the columns are in a SharedArrayBuffer');
    });

    test("in the 'shared' layout, quoted line breaks over-count the rows: the same table", async () => {
      const read = await readBoth(page, 'mixed', { target: 'label' }, { layout: 'shared' });
      assert.deepEqual(read.differences, []);
      assert.equal(read.merged, true);
    });

    test('a split inside a quoted line break: the page reads the rest itself, the same table', async () => {
      const inQuotes = made.quotedBreaks[0];
      assert.ok(Math.abs(inQuotes - made.size / 2) < 1 << 20, `a quoted line break near the middle, at ${inQuotes} of ${made.size}`);
      const read = await readBoth(page, 'mixed', { target: 'label' }, { splitNear: inQuotes });
      assert.deepEqual(read.differences, []);
      assert.equal(read.merged, false);
      assert.equal(read.rows, ROWS);
    });

    test('a ragged row in the second part fails as on one thread: same error, same line', async () => {
      await make(page, 'ragged', 11, { ragged: 450_000 });
      const read = await readBoth(page, 'ragged', { target: 'label' }, { byDefault: true });
      assert.deepEqual(read.differences, []);
      assert.deepEqual(read.publicDifferences, []);
      assert.match(read.error ?? '', /^made-11\.csv, line \d+: this row has 7 values/);
      assert.equal(read.merged, false);
    });
  });

  test("on a plain page the part is transferred and merged by copy, also in the 'counted' layout: the same table", async () => {
    const { page, errors } = await openPage({});
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    await make(page, 'mixed', 7);
    for (const layout of ['chunks', 'counted', 'shared'] as const) {
      const read = await readBoth(page, 'mixed', { target: 'label', missingValues: ['', 'NA'] }, { layout });
      assert.deepEqual(read.differences, [], layout);
      assert.equal(read.merged, true, layout);
      assert.equal(read.shared, false, layout);
    }
    assert.deepEqual(errors, []);
  });

  test("where the page's CSP forbids blob: workers, readCsv reads on one thread: the same table", async () => {
    const { page } = await openPage(NO_WORKERS);
    await make(page, 'mixed', 7);
    const read = await readBoth(page, 'mixed', { target: 'label' }, { byDefault: true });
    assert.deepEqual(read.differences, []);
    assert.deepEqual(read.publicDifferences, []);
    assert.equal(read.merged, false);
    assert.equal(read.rows, ROWS);
  });
});
