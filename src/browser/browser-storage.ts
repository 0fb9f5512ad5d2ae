import { show, StateError } from '../errors.js';
import { bytesToFiles, filesToBytes } from '../model/model-files.js';
import type { ModelStorage } from '../model/model-storage.js';
import { downloadBytes } from './download-bytes.js';
import { fetchModelFiles } from './fetch-model-files.js';
import { getModelBytes, indexedDbName, putModelBytes } from './indexeddb-models.js';

const DOWNLOADS = 'downloads://';

/**
 * Model addresses in a browser, as TensorFlow.js users know them, behind `model.save(address)`,
 * `classifier.save(address)`, `nn.loadModel(address)` and `nn.loadClassifier(address)`:
 * - `indexeddb://name`: kept in this origin's IndexedDB (save and load);
 * - `downloads://name`: saved as the file `name.nnkit`, which `nnkit predict --model` reads;
 * - any other address is a URL (relative to the page, or http(s)) to load from: a `.nnkit`
 *   file, or the model.json of a folder saved in Node (`nnkit train --out`), weights beside it.
 * All of them hold the same bytes as `toBytes()`.
 */
export const browserStorage: ModelStorage = {
  async save(address, files) {
    if (address.startsWith('indexeddb://')) return putModelBytes(indexedDbName(address, 'save'), filesToBytes(files));
    if (address.startsWith(DOWNLOADS) && address.length > DOWNLOADS.length) {
      const name = address.slice(DOWNLOADS.length);
      return downloadBytes(filesToBytes(files), /\.nnkit$/i.test(name) ? name : `${name}.nnkit`, address);
    }
    throw new StateError(
      'state/cannot-write',
      `save(${show(address)}): a page saves to 'indexeddb://name' (kept in the browser) or 'downloads://name' (a file for ` +
        'the user); a URL or path can only be loaded from. Or keep the bytes of toBytes() yourself.',
    );
  },

  async load(address) {
    if (address.startsWith('indexeddb://')) return bytesToFiles(await getModelBytes(indexedDbName(address, 'load')), address);
    if (address.startsWith(DOWNLOADS)) {
      throw new StateError(
        'state/cannot-read',
        `load(${show(address)}): a page cannot read the downloads folder. Let the user pick the file (<input type="file">) ` +
          'and load nn.readModelBytes(input.files), or serve it and load its URL.',
      );
    }
    return fetchModelFiles(address, `load(${show(address)})`);
  },
};
