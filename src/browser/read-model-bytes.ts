import { FormatError, show } from '../errors.js';
import { filesToBytes, MODEL_JSON } from '../model/model-files.js';

/**
 * The bytes of a saved model or classifier picked in a file input or dropped on the page, for
 * `nn.loadModel(bytes)` / `nn.loadClassifier(bytes)`: one `.nnkit` file (a download of
 * 'downloads://name', or `toBytes()` written out), or the files of a saved folder (model.json
 * and the weights it names, e.g. from `<input type="file" multiple>`).
 */
export async function readModelBytes(files: Blob | Iterable<File> | ArrayLike<File>): Promise<Uint8Array> {
  const list = files instanceof Blob ? [files] : Array.from(files as ArrayLike<File>);
  if (list.length === 0) {
    throw new FormatError('format/missing-file', 'readModelBytes got no file; pass the File of a .nnkit model, or a saved folder\'s model.json with its weights.');
  }
  if (list.length === 1) return new Uint8Array(await list[0].arrayBuffer());
  const named = list.map((file) => ({ file, name: 'name' in file ? (file as File).name : '' }));
  const json = named.find((f) => f.name === MODEL_JSON);
  if (json === undefined) {
    throw new FormatError(
      'format/missing-file',
      `readModelBytes got ${list.length} files (${named.map((f) => show(f.name)).join(', ')}) and no ${MODEL_JSON}; ` +
        'pick one .nnkit file, or all the files of a saved model folder (model.json and its weights).',
    );
  }
  const blobs = new Map<string, Uint8Array>();
  for (const { file, name } of named) {
    if (file !== json.file) blobs.set(name, new Uint8Array(await file.arrayBuffer()));
  }
  // NOTE: zipped as toBytes() would; loadModel then checks the names, sizes and checksums.
  return filesToBytes({ json: await json.file.text(), blobs });
}
