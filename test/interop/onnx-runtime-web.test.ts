// The exported ONNX pipeline served in a browser: headless Chromium loads onnxruntime-web (its
// WebAssembly build, single-threaded, files served from node_modules through a route, nothing
// from the network), runs the classifier's .onnx on raw rows with unseen categories and missing
// fields, and gives the probabilities and labels nnkit predict gives: README "Deploy".
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import * as nn from '../../src/node/index.js';
import { CUSTOMERS, onnxFeeds, randomCustomerRows } from '../../src/interop/onnx/raw-rows.fixture.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';

const ORIGIN = 'http://nnkit.test';
const ORT_DIST = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
const TYPES: Record<string, string> = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

// NOTE: one thread and no proxy worker: threads need a cross-origin-isolated page.
const PAGE = `<!doctype html><title>onnxruntime-web</title>
<script type="module">
import * as ort from '/ort/ort.wasm.min.mjs';
ort.env.wasm.wasmPaths = '/ort/';
ort.env.wasm.numThreads = 1;
ort.env.wasm.proxy = false;
window.result = (async () => {
  const model = new Uint8Array(await (await fetch('/model.onnx')).arrayBuffer());
  const inputs = await (await fetch('/feeds.json')).json();
  const feeds = {};
  for (const [name, f] of Object.entries(inputs)) {
    feeds[name] = new ort.Tensor(f.type, f.type === 'string' ? f.data : Float32Array.from(f.data, (v) => v ?? NaN), f.dims);
  }
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  const out = await session.run(feeds);
  return { dims: out.probabilities.dims, probabilities: Array.from(out.probabilities.data), labels: Array.from(out.label.data) };
})().catch((error) => ({ error: String(error?.stack ?? error) }));
</script>`;

interface PageResult {
  readonly error?: string;
  readonly dims: number[];
  readonly probabilities: number[];
  readonly labels: string[];
}

describe('the ONNX pipeline in a browser (onnxruntime-web in Chromium)', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  test('a calibrated classifier gives the probabilities and labels of nnkit predict', async (t) => {
    const text = await readFile(CUSTOMERS, 'utf8');
    const clf = await nn.trainClassifier(nn.data.parseCsv(text, { target: 'churned' }), { epochs: 8, hidden: [8], seed: 5, calibrate: 'sigmoid' });
    const raw = randomCustomerRows(text, 200, 41);
    const expected = clf.predictBatch(raw, { extraColumns: 'ignore', verbose: 0 });
    // NOTE: JSON has no NaN: a missing number travels as null and becomes NaN again in the page.
    const feeds = Object.fromEntries(Object.entries(onnxFeeds(clf, raw)).map(([name, f]) =>
      [name, f.type === 'string' ? f : { ...f, data: Array.from(f.data, (v) => (Number.isNaN(v) ? null : v)) }]));
    const served: Record<string, Uint8Array | string> = { '/': PAGE, '/model.onnx': nn.exportOnnx(clf), '/feeds.json': JSON.stringify(feeds) };

    const context = await browser.newContext();
    const refused: string[] = [];
    try {
      const page = await context.newPage();
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        const file = url.pathname.startsWith('/ort/') ? join(ORT_DIST, normalize(url.pathname.slice(5))) : undefined;
        const body = url.origin !== ORIGIN ? undefined : (served[url.pathname] ?? (file === undefined ? undefined : await readFile(file).catch(() => undefined)));
        if (body === undefined) {
          refused.push(url.href);
          return route.abort();
        }
        return route.fulfill({ body: typeof body === 'string' ? body : Buffer.from(body), contentType: TYPES[extname(url.pathname)] ?? (url.pathname === '/' ? 'text/html' : 'application/octet-stream') });
      });
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => 'result' in window, undefined, { timeout: 60_000 });
      const result = (await page.evaluate(() => (window as unknown as { result: unknown }).result)) as PageResult;
      assert.equal(result.error, undefined, result.error);
      assert.deepEqual(refused, [], 'no request left the page');
      assert.deepEqual(result.dims, expected.probabilities.shape);
      const worst = Math.max(...result.probabilities.map((p, i) => Math.abs(p - expected.probabilities.data[i])));
      t.diagnostic(`max |onnxruntime-web − nnkit predict| = ${worst}`);
      assert.ok(worst < 1e-6, `probabilities differ by ${worst}`);
      assert.deepEqual(result.labels, Array.from(expected.classIndices, (k) => clf.classNames[k]));
    } finally {
      await context.close();
    }
  });
});
