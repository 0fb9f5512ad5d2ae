// What the browser tests' pretend web server answers: http://nnkit.test/<path> is the file at
// <path> in a folder (index.html for /), served through a Playwright route, so a page under
// test loads its app as from a static host while nothing reaches the network.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';

export const ORIGIN = 'http://nnkit.test';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.map': 'application/json',
};

/** The response for `url` from `folder`, or undefined when it is off the origin or no such file. */
export async function folderFile(folder: string, url: URL): Promise<{ body: Buffer; contentType: string } | undefined> {
  if (url.origin !== ORIGIN) return undefined;
  const file = url.pathname === '/' ? 'index.html' : normalize(decodeURIComponent(url.pathname)).slice(1);
  const body = await readFile(join(folder, file)).catch(() => undefined);
  return body === undefined ? undefined : { body, contentType: TYPES[extname(file)] ?? 'application/octet-stream' };
}

/**
 * Answers every request of `target` (a page or a whole context) from `folder`; a request off the
 * origin or for a file the folder lacks goes to `refuse` with its URL.
 */
export async function routeFolder(target: BrowserContext | Page, folder: string, refuse: (route: Route, url: URL) => Promise<void>): Promise<void> {
  await target.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const served = await folderFile(folder, url);
    return served === undefined ? refuse(route, url) : route.fulfill(served);
  });
}
