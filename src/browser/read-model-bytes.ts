import { FormatError, show } from '../errors.js';
import { filesToBytes, MODEL_JSON } from '../model/model-files.js';
import { readModelDocument } from '../model/read-model-document.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The bytes of a saved model or classifier picked in a file input or dropped on the page, for
 * `nn.loadModel(bytes)` / `nn.loadClassifier(bytes)`: one `.nnkit` file (a download of
 * 'downloads://name', or `toBytes()` written out), or the files of a saved folder (model.json
 * and the weights it names, e.g. from `<input type="file" multiple>`; other files are left out).
 */
export async function readModelBytes(files: Blob | Iterable<File> | ArrayLike<File>): Promise<Uint8Array> {
  const list = files instanceof Blob ? [files] : Array.from(files as ArrayLike<File>);
  if (list.length === 0) {
    throw new FormatError('format/missing-file', 'readModelBytes got no file; pass the File of a .nnkit model, or a saved folder\'s model.json with its weights.');
  }
  const named = list.map((file) => ({ file, name: 'name' in file ? (file as File).name : '' }));
  const json = named.find((f) => f.name === MODEL_JSON);
  if (json === undefined && list.length === 1) {
    const bytes = new Uint8Array(await list[0].arrayBuffer());
    if (ZIP.every((byte, i) => bytes[i] === byte)) return bytes;
    throw new FormatError(
      'format/not-a-model',
      `readModelBytes: ${show(named[0].name || 'the file')} is not a saved nnkit model (a .nnkit file is a zip, and this one's ` +
        `${bytes.length} bytes are not); pick a file saved with 'downloads://name' or written from toBytes(), or a saved folder's ` +
        `${MODEL_JSON} with its weights.`,
      named[0].name,
    );
  }
  if (json === undefined) {
    throw new FormatError(
      'format/missing-file',
      `readModelBytes got ${list.length} files (${named.map((f) => show(f.name)).join(', ')}) and no ${MODEL_JSON}; ` +
        'pick one .nnkit file, or all the files of a saved model folder (model.json and its weights).',
    );
  }
  const text = await json.file.text();
  const document = readModelDocument(text, MODEL_JSON);
  const blobs = new Map<string, Uint8Array>();
  for (const blob of [document.weightsFile, document.optimizerState]) {
    if (blob === undefined) continue;
    const picked = named.find((f) => f.name === blob.file);
    if (picked === undefined) {
      throw new FormatError(
        'format/missing-file',
        `readModelBytes: ${MODEL_JSON} names ${show(blob.file)}, which was not picked (got ${named.map((f) => show(f.name)).join(', ')}); ` +
          `pick ${MODEL_JSON} and the files beside it together (<input type="file" multiple>), or one .nnkit file.`,
        blob.file,
      );
    }
    blobs.set(blob.file, new Uint8Array(await picked.file.arrayBuffer()));
  }
  // NOTE: zipped as toBytes() would; loadModel then checks the sizes and checksums.
  return filesToBytes({ json: text, blobs });
}
