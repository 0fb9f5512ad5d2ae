/**
 * A browser context whose pages see a web server that serves a folder at http://nnkit.test/, as
 * run-app-page.ts does, but left open for a test to drive: it can reload a page, pick files in
 * it, catch its downloads and call the functions the app's module puts on `window.app`. Every
 * request outside the folder is refused and recorded, so nothing reaches the network.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { routeFolder, ORIGIN } from './folder-file.js';

export { ORIGIN };

export interface ServedSite {
  readonly context: BrowserContext;
  /** Uncaught exceptions and console errors of every page opened. */
  readonly errors: string[];
  /** Requests that left the origin, or asked for a file the folder lacks. */
  readonly refused: string[];
  /** Opens index.html in a new page and (unless told not to) waits for the app to set `window.app`. */
  open(options?: { waitForApp?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `folder` at http://nnkit.test/ to a new context of `browser`. */
export async function serveFolder(browser: Browser, folder: string): Promise<ServedSite> {
  const context = await browser.newContext({ acceptDownloads: true });
  const errors: string[] = [];
  const refused: string[] = [];
  await routeFolder(context, folder, (route, url) => {
    refused.push(url.href);
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' });
  });
  return {
    context,
    errors,
    refused,
    async open({ waitForApp: wait = true } = {}) {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${ORIGIN}/`);
      if (wait) await waitForApp(page);
      return page;
    },
    close: () => context.close(),
  };
}

/** Waits until the app's module has run (after a goto or a reload). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => 'app' in window, undefined, { timeout: 20_000 });
}
