/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core.
 * A developer machine without it skips with a reason; under CI (CI set) the tests run and fail
 * at launch instead, so CI never skips silently.
 */
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const chromiumSkip: string | false =
  !existsSync(CHROMIUM) && !process.env.CI
    ? `Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) ` +
      'to run the browser tests; under CI (CI set) they run and fail instead of skipping.'
    : false;

// NOTE: without the background-networking flags Chromium keeps trying to reach Google's hosts,
// which this closed network refuses; the tests must make no request but their own.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Bundles a TypeScript entry (source text, resolved from the repo root, e.g. importing
 * './src/kernels/backend.ts') into one classic script for a page. Nothing is left external, so a
 * Node built-in reachable from the entry fails the build.
 */
export async function bundleForBrowser(entry: string): Promise<{ code: string }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text };
}
