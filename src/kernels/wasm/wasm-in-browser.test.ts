/**
 * The wasm kernels in headless Chromium: on an ordinary page (no SharedArrayBuffer, so a
 * fixed-size memory) and on a cross-origin isolated page (a shared, growable memory), selected
 * through `await ready()` as a browser user would. In both, they must agree with the reference,
 * and use the fused multiply-add build (Chromium has compiled relaxed SIMD since version 114).
 * On the isolated page a Web Worker also takes parts of large matmuls, bit-identically.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bundleForBrowser, chromiumSkip as skip, launchChromium } from '../../../test/helpers/chromium.js';

interface ThreadsResult {
  workers: number;
  identical: boolean;
  stats: { jobs: number; partsOnWorkers: number };
}

/** A cross-origin isolated page (SharedArrayBuffer), served from an intercepted route. */
async function isolatedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // NOTE: the page is served from an intercepted route, so nothing touches the network.
  await page.route('https://nnkit.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
      body: '<!doctype html><title>nnkit</title>',
    }),
  );
  await page.goto('https://nnkit.test/');
  return page;
}

interface PageResult {
  after: string;
  description: string;
  shared: boolean;
  worstError: number;
}

const entry = `
import { kernels, ready } from './src/kernels/backend.ts';
import { referenceCompute } from './src/kernels/reference.ts';
import {
  kernelThreadStats, setKernelThreads, startKernelThreads,
} from './src/kernels/wasm/thread-pool.ts';
window.runKernels = async () => {
  const after = await ready();
  const { description, memory, compute } = kernels();
  let worstError = 0;
  let seed = 1;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  for (const [m, kk, n] of [[1, 1, 1], [5, 17, 3], [33, 65, 63], [130, 300, 9]]) {
    const a = memory.alloc(m * kk).map(next);
    const b = memory.alloc(kk * n).map(next);
    const out = memory.alloc(m * n);
    const expected = new Float32Array(m * n);
    compute.matmul(a, b, out, m, kk, n);
    referenceCompute.matmul(a, b, expected, m, kk, n);
    compute.biasActivation(out, b.subarray(0, n), m, n, 'sigmoid');
    referenceCompute.biasActivation(expected, b.subarray(0, n), m, n, 'sigmoid');
    for (let i = 0; i < out.length; i++) {
      worstError = Math.max(worstError, Math.abs(out[i] - expected[i]));
    }
  }
  const probe = memory.alloc(4);
  const shared = typeof SharedArrayBuffer === 'function' && probe.buffer instanceof SharedArrayBuffer;
  return { after, description, shared, worstError };
};
window.runThreads = async () => {
  await ready();
  const { memory, compute } = kernels();
  setKernelThreads({ workers: 1, minMatmulFlops: 0 });
  const workers = await startKernelThreads();
  const [m, kk, n] = [300, 257, 129];
  const a = memory.alloc(m * kk).map((_, i) => Math.sin(i));
  const b = memory.alloc(kk * n).map((_, i) => Math.cos(i));
  const outputs = [0, 1].map((threads) => {
    setKernelThreads({ workers: threads });
    const out = memory.alloc(m * n);
    for (let repeat = 0; repeat < 50; repeat++) compute.matmul(a, b, out, m, kk, n);
    return Array.from(out);
  });
  const identical = outputs[0].every((value, i) => Object.is(value, outputs[1][i]));
  return { workers, identical, stats: kernelThreadStats() };
};
`;

describe('the wasm kernels in headless Chromium', { skip }, () => {
  let browser: Browser;
  let bundle: string;

  before(async () => {
    bundle = (await bundleForBrowser(entry)).code;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  async function run(page: Page): Promise<PageResult> {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addScriptTag({ content: bundle });
    type KernelsWindow = { runKernels(): Promise<PageResult> };
    const result = await page.evaluate(() => (window as unknown as KernelsWindow).runKernels());
    assert.deepEqual(errors, []);
    return result;
  }

  test("the bundle holds none of Node's thread code (the Node entry registers it)", () => {
    assert.doesNotMatch(bundle, /worker_threads|availableParallelism/);
  });

  test('an ordinary page: wasm after ready(), on a fixed memory, agreeing with the reference', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>nnkit</title>');
    const result = await run(page);
    await context.close();
    assert.equal(result.after, 'wasm');
    assert.equal(result.shared, false);
    assert.match(result.description, /fused multiply-add/);
    assert.ok(result.worstError < 1e-4, `worst error ${result.worstError}`);
  });

  test('an isolated page: wasm after ready(), on a shared memory, agreeing with the reference', async () => {
    const context = await browser.newContext();
    const result = await run(await isolatedPage(context));
    await context.close();
    assert.equal(result.after, 'wasm');
    assert.equal(result.shared, true);
    assert.match(result.description, /fused multiply-add/);
    assert.ok(result.worstError < 1e-4, `worst error ${result.worstError}`);
  });

  test('an isolated page: a Web Worker computes parts of large matmuls, bit-identical', async () => {
    const context = await browser.newContext();
    const page = await isolatedPage(context);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addScriptTag({ content: bundle });
    type ThreadsWindow = { runThreads(): Promise<ThreadsResult> };
    const result = await page.evaluate(() => (window as unknown as ThreadsWindow).runThreads());
    await context.close();
    assert.deepEqual(errors, []);
    assert.equal(result.workers, 1, 'one Web Worker ready');
    assert.equal(result.identical, true, 'threaded matmul differs from one thread');
    assert.equal(result.stats.jobs, 50);
    assert.ok(result.stats.partsOnWorkers > 0, `the worker took no part: ${JSON.stringify(result.stats)}`);
  });
});
