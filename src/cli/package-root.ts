import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nnkit package folder (the one holding its package.json), found by walking up from this
 * file, so it works from the sources (src/cli, run by tsx) and from the build (dist/src/cli).
 * Bundled data such as data/breast_cancer.csv resolves against it, never against the cwd.
 */
export function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'nnkit') return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`nnkit's package.json was not found above ${fileURLToPath(import.meta.url)}.`);
    folder = parent;
  }
}

/** The version in nnkit's package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}

/**
 * The bundled breast-cancer CSV, the default data of `nnkit train`: relative to the working
 * folder when inside it (data/breast_cancer.csv after `npm start`), else absolute.
 */
export function bundledDataFile(): string {
  const file = join(packageRoot(), 'data', 'breast_cancer.csv');
  const local = relative(process.cwd(), file);
  return local.startsWith('..') || isAbsolute(local) ? file : local;
}

function readPackageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
