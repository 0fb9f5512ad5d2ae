import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StateError } from '../errors.js';

/** The lock file in a model folder while a process writes it; it holds that process's id. */
export const LOCK_FILE = '.nnkit-lock';

/** Folders this process holds, with how many holders (the lock is re-entrant within a process). */
const held = new Map<string, number>();

/** Releases one hold; the last one removes the lock file. */
export type ReleaseLock = () => Promise<void>;

/**
 * Locks a model folder (which must exist) against other processes: two `nnkit train` runs, or two
 * saves, writing the same folder at once. The second refuses with the holder's process id. A lock
 * left by a process that no longer runs (killed) is taken over.
 */
export async function lockFolder(dir: string): Promise<ReleaseLock> {
  const key = resolve(dir);
  const path = join(key, LOCK_FILE);
  const count = held.get(key) ?? 0;
  if (count === 0) await createLock(path, dir);
  held.set(key, count + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const left = (held.get(key) ?? 1) - 1;
    if (left > 0) {
      held.set(key, left);
      return;
    }
    held.delete(key);
    await rm(path, { force: true });
  };
}

/** Whether this process holds the folder's lock. */
export function holdsLock(dir: string): boolean {
  return held.has(resolve(dir));
}

async function createLock(path: string, dir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await readFile(path, 'utf8').catch(() => '');
    const pid = Number.parseInt(text, 10);
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new StateError(
        'state/folder-locked',
        `${dir} is being written by another nnkit process (pid ${pid}); wait for it to finish or choose another folder. ` +
          `If no such process runs, delete ${path}.`,
      );
    }
    // NOTE: the process that left this lock is gone (or it is our own, left by an earlier run
    // with our reused pid): its writes can no longer be under way.
    await rm(path, { force: true });
  }
  throw new StateError('state/folder-locked', `${dir}: could not take the lock ${path}; another process keeps creating it.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // NOTE: EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
