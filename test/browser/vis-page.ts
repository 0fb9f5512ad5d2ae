/**
 * A blank page in headless Chromium with nnkit's browser entry (`window.nn`) and nnkit/vis (`window.vis`) bundled from
 * source into an inline script: no file, no server, and every request the page makes is
 * recorded and refused, so a chart that fetched anything would show up here.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bundleForBrowser } from '../helpers/chromium.js';

export interface VisPage {
  readonly page: Page;
  /** URLs the page asked for (every one refused). */
  readonly requests: string[];
  /** Uncaught exceptions and console errors. */
  readonly errors: string[];
  /** Console warnings (Vega and Vega-Lite log their complaints as warnings). */
  readonly warnings: string[];
  close(): Promise<void>;
}

let bundled: Promise<string> | undefined;

/** The browser entry and nnkit/vis as one classic script that sets `window.nn` and `window.vis`; built once per test file. */
function visScript(): Promise<string> {
  const entry = `import * as nn from './src/browser/index.ts'; import * as vis from './src/vis/index.ts'; Object.assign(window, { nn, vis });`;
  bundled ??= bundleForBrowser(entry).then(
    (result) => result.code,
  );
  return bundled;
}

/** Opens a blank page of `width` px with `window.nn` and `window.vis` loaded and the network refused. */
export async function openVisPage(browser: Browser, width = 1280): Promise<VisPage> {
  const script = await visScript();
  const context: BrowserContext = await browser.newContext({ viewport: { width, height: 900 }, offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.setContent('<!doctype html><html lang="en"><body style="margin:16px"><main id="app"></main></body></html>');
  // NOTE: tsx compiles the tests' page.evaluate callbacks keeping function names, through a
  // `__name` helper that the page has to define.
  await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
  await page.addScriptTag({ content: script });
  return { page, requests, errors, warnings, close: () => context.close() };
}
