/**
 * The README's "In the browser" section, as written: its index.html and app.ts, bundled by the
 * esbuild and Vite commands it prints (run word for word, `npx` being this repository's
 * node_modules/.bin), in headless Chromium. The app loads the classifier served beside the page,
 * reads a picked CSV file with progress, trains, saves to IndexedDB and downloads churn.nnkit;
 * after a reload it loads the kept classifier from IndexedDB, with no request for the served one.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import * as nn from '../../src/node/index.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { ORIGIN, serveFolder } from './served-page.js';
import { REPO, userApp, type UserApp } from './user-app.js';

const run = promisify(execFile);
const CUSTOMERS = join(REPO, 'test', 'fixtures', 'cli', 'customers.csv');

/** The section's code blocks by language: sh (the commands), html (index.html), ts (app.ts). */
async function readmeSection(): Promise<Record<string, string>> {
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### In the browser\n');
  assert.ok(start >= 0, 'README.md has a section "### In the browser"');
  // NOTE: up to the next heading, so the subsections after it (workers, charts) are not part of it.
  const end = readme.slice(start + 1).search(/\n#{2,4} /);
  const section = readme.slice(start, end < 0 ? undefined : start + 1 + end);
  const blocks: Record<string, string> = {};
  for (const [, language, code] of section.matchAll(/```(\w+)\n([\s\S]*?)```/g)) blocks[language] = code;
  assert.deepEqual(Object.keys(blocks).sort(), ['html', 'sh', 'ts']);
  return blocks;
}

/** Runs a README command line (`npx <tool> <args>  # comment`) in `folder`, as a shell would split it. */
async function runCommand(line: string, folder: string): Promise<void> {
  const [npx, tool, ...args] = line.replace(/\s+#.*$/, '').trim().split(/\s+/);
  assert.equal(npx, 'npx', line);
  const { stdout, stderr } = await run(join(REPO, 'node_modules', '.bin', tool), args, { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
  // NOTE: esbuild marks a warning "▲ [WARNING]", Vite "(!)"; the recipe builds without any but
  // Vite's advice on chunks over 500 kB, which the README mentions.
  const output = `${stdout}\n${stderr}`.replace(/\(!\) Some chunks are larger than 500 kB after minification\..*(\n- .*)*/, '');
  assert.doesNotMatch(output, /\[WARNING\]|\(!\)|warn/i, `${line}\n${stdout}\n${stderr}`);
}

/** The page's console: lines as text, errors, and a wait for the next line starting with a word. */
function consoleOf(page: Page) {
  const lines: { text: string; values: Promise<unknown[]> }[] = [];
  const errors: string[] = [];
  const waiting: { word: string; resolve: (values: Promise<unknown[]>) => void }[] = [];
  page.on('pageerror', (error) => void errors.push(error.message));
  page.on('console', (message: ConsoleMessage) => {
    const line = { text: message.text(), values: Promise.all(message.args().map((arg) => arg.jsonValue())) };
    lines.push(line);
    if (message.type() === 'error') errors.push(line.text);
    const waiter = waiting.findIndex((w) => line.text.startsWith(w.word));
    if (waiter >= 0) waiting.splice(waiter, 1)[0].resolve(line.values);
  });
  return {
    lines,
    errors,
    /** The values logged by the next console.log(word, ...values). */
    next: (word: string) => new Promise<unknown[]>((resolve) => waiting.push({ word, resolve })).then(async (values) => (await values).slice(1)),
  };
}

describe('the README\'s "In the browser" app, built as written', { skip }, () => {
  let browser: Browser;
  let blocks: Record<string, string>;
  let served: Uint8Array;
  let row: Record<string, unknown>;
  const apps: UserApp[] = [];

  before(async () => {
    browser = await launchChromium();
    blocks = await readmeSection();
    row = new Function(`return ${/const row = (\{.*\});/.exec(blocks.ts)![1]}`)() as Record<string, unknown>;
    const table = nn.data.parseCsv(await readFile(CUSTOMERS, 'utf8'), { target: 'churned' });
    served = (await nn.trainClassifier(table, { hidden: [4], epochs: 5, seed: 3, verbose: 0 })).toBytes();
  });

  after(async () => {
    await browser?.close();
    for (const app of apps) await app.remove();
  });

  async function checkApp(folder: string, app: UserApp): Promise<void> {
    await mkdir(join(folder, 'models'), { recursive: true });
    await writeFile(join(folder, 'models', 'churn.nnkit'), served);
    const site = await serveFolder(browser, folder);
    const requested: string[] = [];
    site.context.on('request', (request) => void requested.push(request.url()));
    try {
      const page = await site.context.newPage();
      const log = consoleOf(page);
      const firstLoad = log.next('loaded');
      await page.goto(`${ORIGIN}/`);
      const fromUrl = await nn.loadClassifier(served);
      assert.deepEqual(await firstLoad, [fromUrl.predict([row], { verbose: 0 })], 'the served classifier, loaded by its URL');
      assert.ok(requested.includes(`${ORIGIN}/models/churn.nnkit`));

      const trainedLog = log.next('trained');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.setInputFiles('#data', CUSTOMERS)]);
      const [trained] = await trainedLog;
      assert.equal(download.suggestedFilename(), 'churn.nnkit');
      const file = join(app.path, 'churn.nnkit');
      await download.saveAs(file);
      assert.deepEqual((await nn.loadClassifier(file)).predict([row], { verbose: 0 }), trained, 'the download predicts as the page');
      const size = (await readFile(CUSTOMERS)).length;
      assert.ok(log.lines.some((line) => line.text === `read ${size} of ${size} bytes`), 'progress up to the whole file');

      requested.length = 0;
      const secondLoad = log.next('loaded');
      await page.reload();
      assert.deepEqual(await secondLoad, [trained], 'the kept classifier, loaded from IndexedDB');
      assert.deepEqual(requested.filter((url) => url.includes('/models/')), [], 'nothing fetched from the server');
      assert.deepEqual(log.errors, []);
      assert.deepEqual(site.refused, []);
    } finally {
      await site.close();
    }
  }

  test('esbuild: the printed command builds app.ts, and the page reads, trains, keeps and reloads', async () => {
    const app = await userApp({ 'app.ts': blocks.ts });
    apps.push(app);
    await runCommand(blocks.sh.split('\n').find((line) => line.includes('esbuild'))!, app.path);
    // NOTE: the same page as Vite's, loading the bundle esbuild wrote beside it.
    await writeFile(join(app.path, 'public', 'index.html'), blocks.html.replace('src="/app.ts"', 'src="app.js"'));
    await checkApp(join(app.path, 'public'), app);
  });

  test('Vite: the printed command builds index.html and app.ts, and the page does the same', async () => {
    const app = await userApp({ 'app.ts': blocks.ts, 'index.html': blocks.html });
    apps.push(app);
    await runCommand(blocks.sh.split('\n').find((line) => line.includes('vite'))!, app.path);
    await checkApp(join(app.path, 'dist'), app);
  });
});
