import { FormatError, show } from '../errors.js';
import { absoluteUrl, fetchBytes } from './fetch-bytes.js';

const IMPORTED = 'a .keras or .h5 file, or a TensorFlow.js model.json with its weight shards beside it';

/**
 * The files `nn.importModel` takes, fetched from a URL: a `.keras` or `.h5` file, or a TF.js
 * `model.json` together with the weight shards its `weightsManifest` names (beside it, as TF.js
 * fetches them).
 */
export async function fetchImportFiles(address: string): Promise<Map<string, Uint8Array>> {
  const what = 'nn.fetchImportFiles';
  const main = await fetchBytes(absoluteUrl(address, what, `an http(s) URL or a path relative to the page, of ${IMPORTED}`), what, IMPORTED);
  const files = new Map([[fileName(main.url), main.bytes]]);
  for (const shard of shardPaths(main.bytes)) {
    const name = shard.replace(/^\.\//, '');
    if (!files.has(name)) files.set(name, (await fetchBytes(new URL(shard, main.url).href, what, `the weight shard ${main.url} names`)).bytes);
  }
  return files;
}

/**
 * The files `nn.importModel` takes, from a file input or a drop: a `.keras` or `.h5` file, or a
 * TF.js `model.json` with its `.bin` shards (pick them together), by name.
 */
export async function readImportFiles(files: Blob | Iterable<File> | ArrayLike<File>): Promise<Map<string, Uint8Array>> {
  const list = files instanceof Blob ? [files] : Array.from(files as ArrayLike<File>);
  const map = new Map<string, Uint8Array>();
  for (const file of list) map.set('name' in file ? (file as File).name : 'model', new Uint8Array(await file.arrayBuffer()));
  for (const [name, bytes] of [...map]) {
    const missing = shardPaths(bytes).map((p) => p.replace(/^\.\//, '')).filter((p) => !map.has(p));
    if (missing.length > 0) {
      throw new FormatError(
        'format/missing-file',
        `${name} names weight shards that were not picked (${missing.map((m) => show(m)).join(', ')}); select model.json and its .bin files together.`,
        name,
      );
    }
  }
  return map;
}

function fileName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').pop() || 'model');
}

function shardPaths(bytes: Uint8Array): string[] {
  if (bytes[0] !== 0x7b && new TextDecoder().decode(bytes.subarray(0, 64)).trimStart()[0] !== '{') return [];
  try {
    const manifest = (JSON.parse(new TextDecoder().decode(bytes)) as { weightsManifest?: { paths?: unknown }[] }).weightsManifest;
    return Array.isArray(manifest) ? manifest.flatMap((g) => (Array.isArray(g.paths) ? g.paths.filter((p): p is string => typeof p === 'string') : [])) : [];
  } catch {
    // NOTE: not JSON; importModel reports that with the file's name.
    return [];
  }
}
