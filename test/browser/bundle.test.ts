/**
 * A browser app that imports nnkit as a user's would (`import * as nn from 'nnkit'`, resolved
 * through the installed package's "exports"), built by esbuild and by Vite's production build:
 * each builds with no warning and no Node module, and in headless Chromium the page learns XOR,
 * saves the model to bytes, loads them back and predicts the same bits.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { buildWithEsbuild, type EsbuildOutcome } from './build-with-esbuild.js';
import { buildWithVite, type ViteOutcome } from './build-with-vite.js';
import { runAppPage } from './run-app-page.js';
import { userApp, type UserApp } from './user-app.js';
import { checkXorApp, XOR_APP, type XorResult } from './xor-app.js';

const VITE_INDEX_HTML = '<!doctype html><title>nnkit</title><script type="module" src="/main.ts"></script>\n';

describe('a browser app using nnkit', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  describe('bundled by esbuild (platform browser, format esm, no externals)', () => {
    let app: UserApp;
    let outcome: EsbuildOutcome;
    before(async () => {
      app = await userApp({ 'app.ts': XOR_APP });
      outcome = await buildWithEsbuild(app.path);
    });
    after(() => app?.remove());

    test('builds with no error or warning, from the package entry that has no Node import', () => {
      assert.deepEqual(outcome.messages, []);
      const metafile = outcome.metafile!;
      const inputs = Object.keys(metafile.inputs);
      assert.ok(inputs.some((file) => file.endsWith('dist/src/index.js')), 'the "default" export of package.json was bundled');
      assert.deepEqual(inputs.filter((file) => file.includes('dist/src/node/')), [], 'nothing of the Node entry');
      const nodeImports = Object.entries(metafile.inputs).flatMap(([file, input]) =>
        input.imports.filter((i) => i.path.startsWith('node:') || i.external === true).map((i) => `${file} → ${i.path}`),
      );
      assert.deepEqual(nodeImports, []);
      assert.deepEqual(Object.values(metafile.outputs).flatMap((output) => output.imports), [], 'the bundle imports nothing');
    });

    test('the page learns XOR, and the model loaded from its bytes predicts the same bits', async () => {
      assert.ok(outcome.metafile !== undefined, 'the bundle was built');
      checkXorApp(await runAppPage<XorResult>(browser, join(app.path, 'public')));
    });
  });

  describe("built by Vite's production build", () => {
    let app: UserApp;
    let outcome: ViteOutcome;
    before(async () => {
      app = await userApp({ 'index.html': VITE_INDEX_HTML, 'main.ts': XOR_APP });
      outcome = await buildWithVite(app.path);
    });
    after(() => app?.remove());

    // NOTE: Vite replaces a Node module with an empty stub and only warns ("externalized for
    // browser compatibility"), so the warnings and the chunks' modules are what show one.
    test('builds with no warning, from the package entry that has no Node import', () => {
      assert.deepEqual(outcome.messages, []);
      const modules = outcome.chunks.flatMap((chunk) => chunk.moduleIds);
      assert.ok(modules.some((id) => id.endsWith('/dist/src/index.js')), 'the "default" export of package.json was bundled');
      assert.deepEqual(modules.filter((id) => id.includes('/dist/src/node/')), [], 'nothing of the Node entry');
      assert.deepEqual(modules.filter((id) => id.startsWith('node:') || id.includes('vite-browser-external')), []);
      const files = new Set(outcome.chunks.map((chunk) => chunk.fileName));
      const imports = outcome.chunks.flatMap((chunk) => [...chunk.imports, ...chunk.dynamicImports]);
      assert.deepEqual(imports.filter((name) => !files.has(name)), [], 'the chunks import only each other');
    });

    test('the built page learns XOR, and the model loaded from its bytes predicts the same bits', async () => {
      checkXorApp(await runAppPage<XorResult>(browser, join(app.path, 'public')));
    });
  });
});
