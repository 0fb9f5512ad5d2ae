/**
 * Keeping models from a page, in headless Chromium, for a plain model and a classifier pipeline:
 * trained in a page bundled from 'nnkit' with esbuild, saved to 'indexeddb://name', loaded after
 * the page reloads, with the same prediction bits; saved to 'downloads://name', the downloaded
 * file predicts the same bits in Node (`nnkit predict` for the classifier, nn.loadModel for the
 * model) and when picked back in a file input; a classifier trained by `nnkit train` and a model
 * saved in Node load by URL (a folder's model.json, a .nnkit file) and predict what Node predicts.
 * Wrong addresses fail with errors that name the address and what is accepted.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import * as nn from '../../src/node/index.js';
import { chromiumSkip as skip, launchChromium } from '../helpers/chromium.js';
import { buildWithEsbuild } from './build-with-esbuild.js';
import { ORIGIN, serveFolder, waitForApp, type ServedSite } from './served-page.js';
import { STORAGE_APP } from './storage-app.js';
import { REPO, userApp, type UserApp } from './user-app.js';

type Kind = 'plain' | 'classifier';
interface Predictions {
  readonly probabilities: string[];
  readonly classes?: string[];
}

const run = promisify(execFile);
const CUSTOMERS = join(REPO, 'test', 'fixtures', 'cli', 'customers.csv');

/** `nnkit <args>` as a user runs it: the built command in a process of its own. */
async function nnkit(...args: string[]): Promise<string> {
  return (await run(process.execPath, [join(REPO, 'dist', 'src', 'cli', 'main.js'), ...args], { cwd: REPO })).stdout;
}

/** Calls `window.app[name](...args)` in the page. */
function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([n, a]) => (window as unknown as { app: Record<string, (...v: unknown[]) => unknown> }).app[n](...a), [name, args] as const) as Promise<T>;
}

function hex(values: Float32Array): string[] {
  return Array.from(new Uint32Array(Float32Array.from(values).buffer), (b) => b.toString(16).padStart(8, '0'));
}

/** `nnkit predict` output (probability_<positive>,class) as float32 bits and classes. */
function printed(csv: string): Predictions {
  const cells = csv.trimEnd().split('\n').slice(1).map((line) => line.split(','));
  return { probabilities: hex(Float32Array.from(cells, ([p]) => Number(p))), classes: cells.map(([, name]) => name) };
}

describe('models kept from a page: IndexedDB, downloads, URLs', { skip }, () => {
  let browser: Browser;
  let app: UserApp;
  let site: ServedSite;
  let page: Page;
  let publicDir: string;

  before(async () => {
    // NOTE: launched first, so a failure below still closes it in after() and the run ends.
    browser = await launchChromium();
    app = await userApp({ 'app.ts': STORAGE_APP });
    const built = await buildWithEsbuild(app.path);
    assert.deepEqual(built.messages, []);
    publicDir = join(app.path, 'public');
    await mkdir(join(publicDir, 'data'));
    await copyFile(join(REPO, 'data', 'breast_cancer.csv'), join(publicDir, 'data', 'breast_cancer.csv'));
    await copyFile(CUSTOMERS, join(publicDir, 'data', 'customers.csv'));
    site = await serveFolder(browser, publicDir);
    page = await site.open();
  });

  after(async () => {
    await browser?.close();
    await app?.remove();
  });

  /** Trains `kind` in the page, saves it to IndexedDB and downloads it, reloads, loads it back. */
  async function keep(kind: Kind) {
    const trained = await call<Predictions>(page, 'train', kind);
    await call(page, 'save', kind, `indexeddb://${kind}`);
    const byteLength = await call<number>(page, 'bytesOf', kind);
    const [download] = await Promise.all([page.waitForEvent('download'), call(page, 'save', kind, `downloads://${kind}-model`)]);
    assert.equal(download.suggestedFilename(), `${kind}-model.nnkit`);
    const file = join(app.path, download.suggestedFilename());
    await download.saveAs(file);
    await page.reload();
    await waitForApp(page);
    const reloaded = await call<Predictions>(page, 'load', kind, `indexeddb://${kind}`);
    await page.setInputFiles('#model', file);
    const picked = await call<Predictions>(page, 'loadPicked', kind);
    return { trained, byteLength, file, reloaded, picked };
  }

  test('a plain model: IndexedDB across a reload, its download in Node and picked back predict the same bits', async () => {
    const { trained, byteLength, file, reloaded, picked } = await keep('plain');
    assert.ok(new Set(trained.probabilities).size > 100, 'the rows get different probabilities');
    assert.deepEqual(reloaded, trained);
    assert.deepEqual(picked, trained);
    const { shape, bits } = await call<{ shape: number[]; bits: string[] }>(page, 'inputs');
    const x = nn.tensor(new Float32Array(Uint32Array.from(bits, (b) => parseInt(b, 16)).buffer), shape);
    const inNode = await nn.loadModel(file);
    assert.deepEqual(hex(inNode.predict(x, { verbose: 0 }).data), trained.probabilities);
    const listed = await call<{ url: string; byteLength: number }[]>(page, 'list');
    assert.deepEqual(listed.find((info) => info.url === 'indexeddb://plain')?.byteLength, byteLength);
  });

  test('a classifier: IndexedDB across a reload, its download in nnkit predict and picked back predict the same bits', async () => {
    const { trained, file, reloaded, picked } = await keep('classifier');
    assert.ok(new Set(trained.probabilities).size > 20 && new Set(trained.classes).size === 2);
    assert.deepEqual(reloaded, trained);
    assert.deepEqual(picked, trained);
    assert.deepEqual(printed(await nnkit('predict', '--model', file, CUSTOMERS)), trained);
    const listed = await call<{ url: string }[]>(page, 'list');
    assert.deepEqual(listed.map((info) => info.url).sort(), ['indexeddb://classifier', 'indexeddb://plain']);
  });

  test('a classifier from nnkit train and a model saved in Node load by URL and predict the same bits as Node', async () => {
    const folder = join(publicDir, 'models', 'cli');
    await nnkit('train', CUSTOMERS, '--target', 'churned', '--out', folder, '--hidden', '8', '--epochs', '10', '--quiet');
    const expected = printed(await nnkit('predict', '--model', folder, CUSTOMERS));
    assert.deepEqual(await call(page, 'load', 'classifier', 'models/cli/'), expected);
    assert.deepEqual(await call(page, 'load', 'classifier', `${ORIGIN}/models/cli/model.json`), expected);

    const { shape, bits } = await call<{ shape: number[]; bits: string[] }>(page, 'inputs');
    const x = nn.tensor(new Float32Array(Uint32Array.from(bits, (b) => parseInt(b, 16)).buffer), shape);
    nn.setSeed(9);
    const model = nn.sequential([nn.layers.dense({ units: 4, activation: 'tanh' }), nn.layers.dense({ units: 1, activation: 'sigmoid' })]);
    model.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
    await model.fit(x, Float32Array.from({ length: shape[0] }, (_, i) => i % 2), { epochs: 2, verbose: 0 });
    await model.save(join(publicDir, 'models', 'node-model'));
    await model.save(join(publicDir, 'models', 'node-model.nnkit'));
    const inNode = { probabilities: hex(model.predict(x, { verbose: 0 }).data) };
    assert.deepEqual(await call(page, 'load', 'plain', 'models/node-model/model.json'), inNode);
    assert.deepEqual(await call(page, 'load', 'plain', 'models/node-model.nnkit'), inNode);
    const files = await readdir(join(publicDir, 'models', 'node-model'));
    await page.setInputFiles('#model', files.map((name) => join(publicDir, 'models', 'node-model', name)));
    assert.deepEqual(await call(page, 'loadPicked', 'plain'), inNode, 'the saved folder picked as files');
    assert.deepEqual(site.refused, []);
    assert.deepEqual(site.errors, []);
  });

  test('a wrong address or a missing model names the address and what is accepted', async () => {
    const loadError = (kind: Kind, address: string) => call<string>(page, 'loadError', kind, address);
    const saveError = (address: string) => call<string>(page, 'saveError', 'plain', address);
    assert.match(await loadError('plain', 'indexeddb://nope'), /indexeddb:\/\/nope holds no model: this page's IndexedDB has "indexeddb:\/\/classifier", "indexeddb:\/\/plain"/);
    assert.match(await loadError('classifier', 'indexeddb://plain'), /holds a model but no classifier.*nn\.loadModel/);
    assert.match(await loadError('plain', 'models/none/'), /http:\/\/nnkit\.test\/models\/none\/model\.json answered 404 Not Found; expected a saved nnkit model \(a \.nnkit file, or the model\.json of a saved folder/);
    assert.match(await loadError('plain', 'indexdb://plain'), /"indexdb:\/\/plain".*'indexeddb:\/\/name'.*http\(s\) URL/);
    assert.match(await loadError('plain', 'downloads://plain'), /cannot read the downloads folder.*nn\.readModelBytes/);
    assert.match(await saveError('models/plain'), /save\("models\/plain"\): a page saves to 'indexeddb:\/\/name' .* or 'downloads:\/\/name'/);
    assert.match(await saveError('indexeddb://'), /takes an address like 'indexeddb:\/\/my-model', got "indexeddb:\/\/"/);
    assert.equal(await call(page, 'remove', 'indexeddb://plain'), true);
    assert.match(await loadError('plain', 'indexeddb://plain'), /holds no model: this page's IndexedDB has "indexeddb:\/\/classifier"\./);
    await page.setInputFiles('#model', []);
    assert.match(await call<string>(page, 'pickedError'), /readModelBytes got no file/);
    assert.deepEqual(site.refused, [`${ORIGIN}/models/none/model.json`]);
  });
});
