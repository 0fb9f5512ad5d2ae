import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { TEMPORARY_PREFIX } from '../node/atomic-write.js';
import { lockFolder, type ReleaseLock } from '../node/folder-lock.js';

/** The folders `nnkit train` will write, checked and locked before any training. */
export interface TrainOutputs {
  /** Whether --out held a saved model before this run (kept if the run stops early). */
  readonly hadModel: boolean;
  /** Releases the lock; on a run that wrote nothing, also removes the folder it created. */
  close(wroteModel: boolean): Promise<void>;
}

/**
 * Checks that `--out` (and `--report`'s folder) can be written, by writing and removing a probe
 * file, and takes the model folder's lock for the whole run, so a second `nnkit train` to the
 * same --out refuses instead of mixing its files in. Fails before training, with the flag.
 */
export async function prepareTrainOutputs(out: string, report: string | undefined): Promise<TrainOutputs> {
  const existed = await isFolder(out, '--out');
  const hadModel = existed && (await readdir(out)).includes('model.json');
  await probe(out, '--out', 'the model folder');
  const release: ReleaseLock = await lockFolder(out);
  try {
    if (report !== undefined) {
      if (await isFolder(report, '--report')) {
        throw new ConfigError('config/report-path', `--report ${report} is a folder; give the report a file name, e.g. --report ${join(report, 'report.html')}.`);
      }
      await probe(dirname(report), '--report', 'the report\'s folder');
    }
  } catch (error) {
    await release();
    if (!existed) await rmdir(out).catch(() => undefined);
    throw error;
  }
  return {
    hadModel,
    async close(wroteModel) {
      await release();
      // NOTE: a run stopped before saving leaves no empty folder it created behind.
      if (!existed && !wroteModel) await rmdir(out).catch(() => undefined);
    },
  };
}

/** Whether `path` is a folder; false when it does not exist or cannot be read (the probe says why). */
async function isFolder(path: string, flag: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (info !== undefined && !info.isDirectory() && flag === '--out') {
    throw new ConfigError('config/out-path', `--out ${path} is a file; --out names a folder (it will hold model.json and the weights).`);
  }
  return info?.isDirectory() ?? false;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a file stands where a folder is needed',
  EEXIST: 'a file stands where a folder is needed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Creates `folder` if needed and writes a probe file there, so a permission problem shows now. */
async function probe(folder: string, flag: string, what: string): Promise<void> {
  const file = join(folder, `${TEMPORARY_PREFIX}probe-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(file, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === undefined ? (error as Error).message : `${REASONS[code] ?? 'the system refused'}: ${code}`;
    throw new ConfigError(
      'config/output-not-writable',
      `${flag}: cannot write to ${what} ${folder} (${reason}); choose a path you can write to. Nothing was trained.`,
    );
  } finally {
    await rm(file, { force: true }).catch(() => undefined);
  }
}
