import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files start with this; a model folder's writer sweeps up those a killed run left. */
export const TEMPORARY_PREFIX = '.nnkit-tmp-';

/**
 * Writes a file so that readers see the old content or the new, never half of it: the data
 * goes to a temporary file in the same directory, flushed to the disk, then renamed over the
 * target. A failure removes the temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // NOTE: same folder as the target, so rename stays on one file system (and is atomic there).
  const temporary = join(dirname(path), `${TEMPORARY_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      // NOTE: flushed before the rename, so a crash of the machine cannot leave the new name
      // pointing at data that never reached the disk.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A text file's content, or '' when it does not exist. */
export async function readTextIfExists(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '');
}
