import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { layers } from '../layers/registry.js';
import { filesToBytes } from '../model/model-files.js';
import { modelToFiles } from '../model/model-to-files.js';
import { sequential } from '../model/sequential.js';
import { browserStorage } from './browser-storage.js';
import { listModels } from './indexeddb-models.js';

// NOTE: Node has fetch but no IndexedDB and no document, which is what these errors are about;
// the paths that work are tested in Chromium (test/browser/storage.test.ts).
describe('browser model addresses, their errors in the caller\'s words', () => {
  const model = sequential([layers.dense({ units: 1, inputShape: [2] })]);
  const files = modelToFiles(model, {});
  const served: Record<string, [string, Uint8Array | string]> = {
    '/m.nnkit': ['application/octet-stream', filesToBytes(files)],
    '/folder/model.json': ['application/json', files.json],
    '/app/model.json': ['text/html', '<!doctype html><html><head><title>My app</title></head><body>' + 'x'.repeat(500)],
    '/tfjs/model.json': ['application/json', JSON.stringify({ modelTopology: {}, weightsManifest: [] })],
  };
  for (const [name, bytes] of files.blobs) served[`/folder/${name}`] = ['application/octet-stream', bytes];
  let server: Server;
  let origin: string;
  before(async () => {
    server = createServer((request, response) => {
      const file = served[request.url ?? ''];
      response.writeHead(file === undefined ? 404 : 200, { 'content-type': file?.[0] ?? 'text/plain' }).end(file?.[1] ?? 'Not Found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server?.close());

  test('loads a .nnkit file and a saved folder by URL, the same files', async () => {
    assert.deepEqual(await browserStorage.load(`${origin}/m.nnkit`), files);
    assert.deepEqual(await browserStorage.load(`${origin}/folder/model.json`), files);
    assert.deepEqual(await browserStorage.load(`${origin}/folder/`), files);
  });

  test('a 404 names the URL, the status and what was expected there', async () => {
    await assert.rejects(browserStorage.load(`${origin}/nothing/model.json`), (error: Error) => {
      assert.match(error.message, new RegExp(`${origin}/nothing/model\\.json answered 404 Not Found; expected a saved nnkit model`));
      return true;
    });
  });

  test('a blob missing beside model.json is a 404 naming the blob', async () => {
    delete served[`/folder/${[...files.blobs.keys()][0]}`];
    await assert.rejects(browserStorage.load(`${origin}/folder/model.json`), /\/folder\/weights[-0-9a-f]*\.bin answered 404/);
  });

  test("an HTML page instead of a model says so, shortened, and hints at the server's fallback", async () => {
    await assert.rejects(browserStorage.load(`${origin}/app/model.json`), (error: Error) => {
      assert.match(error.message, /is not an nnkit model: the server sent text\/html starting "<!doctype html><html><head><title>My app";/);
      assert.match(error.message, /index\.html/);
      assert.ok(error.message.length < 400, error.message);
      return true;
    });
  });

  test('a TF.js model.json points to importModel', async () => {
    await assert.rejects(browserStorage.load(`${origin}/tfjs/model.json`), /TensorFlow\.js model, not an nnkit one; import it with nn\.importModel\(await nn\.fetchImportFiles/);
  });

  test('an unreachable server is named with the URL and the usual causes', async () => {
    await assert.rejects(browserStorage.load('http://127.0.0.1:1/m.nnkit'), /could not fetch http:\/\/127\.0\.0\.1:1\/m\.nnkit .*CORS/);
  });

  test('a relative path with no page to resolve it against asks for a full URL', async () => {
    await assert.rejects(browserStorage.load('models/churn.nnkit'), /got "models\/churn\.nnkit", which it cannot read \(this runtime has no page address .* full http\(s\) URL\); it takes 'indexeddb:\/\/name', an http\(s\) URL/);
  });

  test('a scheme fetch cannot read (a typo of indexeddb://, file://) names it and what is accepted', async () => {
    await assert.rejects(browserStorage.load('indexdb://churn'), /load\("indexdb:\/\/churn"\) got "indexdb:\/\/churn", which it cannot read \(its scheme "indexdb" is not one a page can fetch\); it takes 'indexeddb:\/\/name'/);
    await assert.rejects(browserStorage.load('file:///tmp/m.nnkit'), /its scheme "file" is not one a page can fetch/);
  });

  test('a folder named without its model.json: the 404 says to end the address with /', async () => {
    await assert.rejects(browserStorage.load(`${origin}/folder`), /answered 404 Not Found; expected a saved nnkit model .* \(for a saved folder, end the address with \/ or name its model\.json\) there/);
  });

  test('without IndexedDB, indexeddb:// says so and offers downloads:// or toBytes()', async () => {
    await assert.rejects(browserStorage.save('indexeddb://churn', files), /indexeddb:\/\/churn needs IndexedDB, and this runtime has none.*'downloads:\/\/name'.*toBytes\(\)/);
    await assert.rejects(browserStorage.load('indexeddb://churn'), /needs IndexedDB/);
    await assert.rejects(listModels(), /needs IndexedDB/);
    await assert.rejects(browserStorage.load('indexeddb://'), /takes an address like 'indexeddb:\/\/my-model', got "indexeddb:\/\/"/);
  });

  test('downloads:// needs a page to save and cannot be read back', async () => {
    await assert.rejects(browserStorage.save('downloads://churn', files), /downloads:\/\/churn needs a page to download from/);
    await assert.rejects(browserStorage.load('downloads://churn'), /cannot read the downloads folder.*nn\.readModelBytes/);
  });

  test('a URL cannot be saved to', async () => {
    await assert.rejects(browserStorage.save(`${origin}/m.nnkit`, files), /a page saves to 'indexeddb:\/\/name' .* or 'downloads:\/\/name'/);
  });
});
