import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The files `nn.importModel` takes, read from paths: the files given, plus, for a TF.js
 * `model.json`, the weight shards its `weightsManifest` names (beside it, as TF.js looks for them).
 */
export async function readImportFiles(paths: readonly string[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const path of paths) {
    const bytes = new Uint8Array(await readFile(path));
    files.set(basename(path), bytes);
    if (path.endsWith('.json')) {
      for (const shard of shardPaths(bytes)) {
        const name = shard.replace(/^\.\//, '');
        if (!files.has(name)) files.set(name, new Uint8Array(await readFile(join(dirname(path), name))));
      }
    }
  }
  return files;
}

function shardPaths(bytes: Uint8Array): string[] {
  try {
    const manifest = (JSON.parse(new TextDecoder().decode(bytes)) as { weightsManifest?: { paths?: unknown }[] }).weightsManifest;
    return Array.isArray(manifest) ? manifest.flatMap((g) => (Array.isArray(g.paths) ? g.paths.filter((p): p is string => typeof p === 'string') : [])) : [];
  } catch {
    // NOTE: not JSON; importModel reports that with the file's name.
    return [];
  }
}
