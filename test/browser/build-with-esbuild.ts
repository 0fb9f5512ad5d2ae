/**
 * Bundles an app folder's app.ts as a user would with esbuild's API (`bundle: true, platform:
 * 'browser', format: 'esm'`, no externals) into public/app.js, beside a public/index.html that
 * loads it as a module. A failed build is returned, not thrown, so a test can show its messages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildFailure, type Metafile } from 'esbuild';

const INDEX_HTML = '<!doctype html><title>nnkit</title><script type="module" src="app.js"></script>\n';

export interface EsbuildOutcome {
  /** Errors and warnings, each as "file: text". */
  readonly messages: string[];
  /** Undefined when the build failed. */
  readonly metafile: Metafile | undefined;
}

export async function buildWithEsbuild(folder: string): Promise<EsbuildOutcome> {
  const built = await build({
    entryPoints: ['app.ts'],
    absWorkingDir: folder,
    outdir: 'public',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
  }).catch((failure: BuildFailure) => failure);
  await mkdir(join(folder, 'public'), { recursive: true });
  await writeFile(join(folder, 'public', 'index.html'), INDEX_HTML);
  const messages = [...built.errors, ...built.warnings].map((message) => `${message.location?.file ?? ''}: ${message.text}`);
  return { messages, metafile: 'metafile' in built ? built.metafile : undefined };
}
