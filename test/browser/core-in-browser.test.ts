/**
 * The core runs unchanged in a browser: the library is bundled for the browser with esbuild,
 * loaded into headless Chromium with no network, and trains a small model there. Node built-ins
 * are left external, and the bundle's metafile shows that no file of the core imports them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { bundleForBrowser, chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';

// The page's program: XOR with a functional-free Sequential model, trained with fit, evaluated.
const entry = `
import * as nn from './src/index.ts';
window.runNnkit = async () => {
  nn.setSeed(3);
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const y = [0, 1, 1, 0];
  const model = nn.sequential([
    nn.layers.dense({ units: 8, activation: 'tanh', inputShape: [2] }),
    nn.layers.dense({ units: 1, activation: 'sigmoid' }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const history = await model.fit(x, y, { epochs: 300, batchSize: 4, verbose: 0 });
  return { classes: Array.from(model.predictClasses(x)), losses: history.history.loss, scores: model.evaluate(x, y) };
};
`;

describe('the core library in headless Chromium', { skip }, () => {
  let browser: Browser;
  let bundle: string;
  let nodeImporters: string[] = [];

  before(async () => {
    ({ code: bundle, nodeImporters } = await bundleForBrowser(entry));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  test('no file of the core imports a Node built-in', () => {
    assert.deepEqual(nodeImporters, []);
  });

  test('learns XOR with fit inside the page', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.setContent('<!doctype html><title>nnkit</title><body></body>');
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate(() => (window as unknown as { runNnkit(): Promise<{ classes: number[]; losses: number[]; scores: Record<string, number> }> }).runNnkit());
    await context.close();
    assert.deepEqual(errors, []);
    assert.deepEqual(result.classes, [0, 1, 1, 0]);
    assert.ok(result.losses[result.losses.length - 1] < result.losses[0] / 4, `loss fell from ${result.losses[0]} to ${result.losses.at(-1)}`);
    assert.equal(result.scores.accuracy, 1);
  });
});
