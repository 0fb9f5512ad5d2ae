import { FormatError, show } from '../errors.js';
import { bytesToFiles, MODEL_JSON, type ModelFiles } from '../model/model-files.js';
import { readModelDocument } from '../model/read-model-document.js';
import { absoluteUrl, fetchBytes } from './fetch-bytes.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ACCEPTED = "'indexeddb://name', an http(s) URL or a path relative to the page, of a .nnkit file or a saved folder's model.json";
const SAVED_MODEL = 'a saved nnkit model (a .nnkit file, or the model.json of a saved folder with its weights beside it)';

/**
 * A saved model's files from a URL (relative ones resolved against the page): a `.nnkit` file
 * (the bytes of `toBytes()`), or the `model.json` of a folder written by `model.save` or
 * `nnkit train --out`, whose weights are fetched from beside it. A URL ending in `/` means that
 * folder's model.json.
 */
export async function fetchModelFiles(address: string, what: string): Promise<ModelFiles> {
  const url = absoluteUrl(address.endsWith('/') ? `${address}${MODEL_JSON}` : address, what, ACCEPTED);
  // NOTE: a folder's address without its model.json is the usual slip; the 404 then says so.
  const folder = /\/[^/.]+$/.test(new URL(url).pathname) ? ` (for a saved folder, end the address with / or name its ${MODEL_JSON})` : '';
  const main = await fetchBytes(url, what, SAVED_MODEL + folder);
  if (ZIP.every((byte, i) => main.bytes[i] === byte)) return bytesToFiles(main.bytes, url);
  const json = new TextDecoder().decode(main.bytes);
  checkLooksLikeModelJson(json, url, main.contentType);
  const document = readModelDocument(json, url);
  const blobs = new Map<string, Uint8Array>();
  for (const blob of [document.weightsFile, document.optimizerState]) {
    if (blob === undefined) continue;
    // NOTE: blob names are checked by readModelDocument (weights-1a2b3c4d.bin), so they stay beside model.json.
    const fetched = await fetchBytes(new URL(blob.file, main.url).href, what, `the ${blob.file} that ${main.url} names`);
    if (fetched.bytes.length !== blob.bytes) {
      throw new FormatError(
        'format/truncated',
        `${fetched.url} holds ${fetched.bytes.length} bytes but model.json declares ${blob.bytes}; the file is truncated or from ` +
          'another save. Upload the whole saved folder again.',
        fetched.url,
      );
    }
    blobs.set(blob.file, fetched.bytes);
  }
  return { json, blobs };
}

/** Refuses, with a hint, what servers often send instead: an HTML page, or a TF.js model. */
function checkLooksLikeModelJson(text: string, url: string, contentType: string): void {
  const start = text.trimStart();
  if (!start.startsWith('{')) {
    throw new FormatError(
      'format/not-a-model',
      `${url} is not an nnkit model: the server sent ${contentType || 'a file'} starting ${show(start.slice(0, 40))}; expected a .nnkit ` +
        'file or a saved folder\'s model.json. Check the URL: many servers answer a missing file with the site\'s index.html.',
      url,
    );
  }
  if (/"weightsManifest"\s*:/.test(text) && /"modelTopology"\s*:/.test(text)) {
    throw new FormatError(
      'format/not-a-model',
      `${url} is a TensorFlow.js model, not an nnkit one; import it with nn.importModel(await nn.fetchImportFiles(${show(url)})).`,
      url,
    );
  }
}
