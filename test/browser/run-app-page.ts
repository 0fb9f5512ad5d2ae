/**
 * Opens a built app in headless Chromium as a web server would serve it: every request to
 * http://nnkit.test/ is answered from the build folder through a Playwright route, and any other
 * request is refused and recorded, so nothing reaches the network. The app's module sets
 * `window.nnkitResult` (a promise of what it computed); this returns its value.
 */
import type { Browser } from 'playwright-core';
import { routeFolder, ORIGIN } from './folder-file.js';

export { ORIGIN };

export interface AppPage<T> {
  readonly result: T;
  /** Uncaught exceptions and console errors of the page. */
  readonly errors: readonly string[];
  /** Requests that left the app's origin, or asked for a file the folder lacks. */
  readonly refused: readonly string[];
}

/** Serves `folder` at http://nnkit.test/, opens its index.html and waits for the app's result. */
export async function runAppPage<T>(browser: Browser, folder: string): Promise<AppPage<T>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    const refused: string[] = [];
    // NOTE: the first error or refused request ends the wait for a result that may never come.
    let fail: (reason: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined); // handled by the race below, whenever it comes
    const failWith = (what: string) => fail(new Error(`The app failed: ${what}`));
    page.on('pageerror', (error) => {
      errors.push(error.message);
      failWith(error.message);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await routeFolder(page, folder, (route, url) => {
      refused.push(url.href);
      failWith(`refused ${url.href}`);
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`);
    await Promise.race([page.waitForFunction(() => 'nnkitResult' in window, undefined, { timeout: 20_000 }), failed]);
    const result = await page.evaluate(() => (window as unknown as { nnkitResult: unknown }).nnkitResult);
    return { result: result as T, errors, refused };
  } finally {
    await context.close();
  }
}
