/**
 * A user's app folder for the bundler tests: a temporary folder whose node_modules/nnkit links to
 * this repository, so `import * as nn from 'nnkit'` resolves exactly as from an installed
 * package: through package.json "exports" to the compiled dist/ (the test command builds it).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

export interface UserApp {
  readonly path: string;
  remove(): Promise<void>;
}

/** Writes `files` (path → text) into a fresh folder where 'nnkit' is this repository. */
export async function userApp(files: Readonly<Record<string, string>>): Promise<UserApp> {
  checkDistIsFresh();
  const path = await mkdtemp(join(tmpdir(), 'nnkit-app-'));
  await mkdir(join(path, 'node_modules'));
  await symlink(REPO, join(path, 'node_modules', 'nnkit'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(path, name)), { recursive: true });
    await writeFile(join(path, name), text);
  }
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

// NOTE: a bundle of a stale dist/ would test yesterday's code; `npm test` compiles dist/ before
// running the tests, a filtered run (node scripts/test.mjs <files>) does not.
function checkDistIsFresh(): void {
  const stale = sourceFiles(join(REPO, 'src')).find((source) => {
    const built = join(REPO, 'dist', relative(REPO, source)).replace(/\.ts$/, '.js');
    return !existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs;
  });
  if (stale !== undefined) {
    throw new Error(
      `dist/ is older than ${relative(REPO, stale)} (or lacks its output), so a bundle would not test the current ` +
        'source; run "npx tsc -p tsconfig.json" (npm test does it before the tests) and run the test again.',
    );
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // NOTE: tests and their fixtures are compiled too, but never part of a bundle.
    return /(?<!\.d|\.test|\.fixture)\.ts$/.test(entry.name) ? [path] : [];
  });
}
