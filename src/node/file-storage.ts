import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FormatError, StateError } from '../errors.js';
import { BLOB_NAME, bytesToFiles, filesToBytes, MAX_JSON_BYTES, MODEL_JSON, type ModelFiles } from '../model/model-files.js';
import type { ModelStorage } from '../model/model-storage.js';
import { readModelDocument } from '../model/read-model-document.js';
import { TEMPORARY_PREFIX, writeFileAtomic } from './atomic-write.js';
import { lockFolder } from './folder-lock.js';
import { whileInterruptible } from './interruptible.js';

/** A path ending so is one file (the bytes of `toBytes()`) rather than a folder. */
const SINGLE_FILE = /\.nnkit$/i;

/**
 * Models on the file system. A folder holds model.json and the blobs it names; a save writes
 * the new blobs beside the old ones under new names (their checksums), then replaces model.json
 * in one rename, then deletes what no longer belongs. Killed at any moment, the folder's
 * model.json names either the old model's files or the new one's, all present. A path ending
 * in `.nnkit` is a single file holding the model's bytes, replaced in one rename.
 */
export const fileStorage: ModelStorage = {
  async save(path, files, options = {}) {
    if (SINGLE_FILE.test(path)) {
      await whileInterruptible(options.signal, () => writeFileAtomic(path, filesToBytes(files)));
      return;
    }
    await mkdir(path, { recursive: true }).catch((error) => {
      throw new StateError('state/cannot-write', `Cannot create the model folder ${path} (${(error as Error).message}).`);
    });
    await whileInterruptible(options.signal, async (signal) => {
      const release = await lockFolder(path);
      try {
        await saveFolder(path, files, signal);
      } finally {
        await release();
      }
    });
  },

  async load(path) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new FormatError('format/missing-file', `${path} does not exist; a saved model is a folder holding model.json, or a .nnkit file.`, path);
    }
    if (info.isFile()) return bytesToFiles(new Uint8Array(await readFile(path)), path);
    const json = new TextDecoder().decode(await readChecked(join(path, MODEL_JSON), undefined));
    const document = readModelDocument(json, join(path, MODEL_JSON));
    const blobs = new Map<string, Uint8Array>();
    for (const blob of [document.weightsFile, document.optimizerState]) {
      if (blob !== undefined) blobs.set(blob.file, await readChecked(join(path, blob.file), blob.bytes));
    }
    return { json, blobs };
  },
};

async function saveFolder(dir: string, files: ModelFiles, signal: AbortSignal): Promise<void> {
  const before = await readdir(dir);
  // NOTE: we hold the folder's lock, so temporary files here are left by a run that was killed.
  await Promise.all(before.filter((name) => name.startsWith(TEMPORARY_PREFIX)).map((name) => rm(join(dir, name), { force: true })));
  const written: string[] = [];
  try {
    for (const [name, bytes] of files.blobs) {
      if (before.includes(name) && (await sameContent(join(dir, name), bytes))) continue;
      signal.throwIfAborted();
      await writeFileAtomic(join(dir, name), bytes);
      written.push(name);
    }
    signal.throwIfAborted();
    // NOTE: the one step that switches the folder from the old model to the new.
    await writeFileAtomic(join(dir, MODEL_JSON), files.json);
  } catch (error) {
    await Promise.all(written.map((name) => rm(join(dir, name), { force: true })));
    throw error;
  }
  const stale = (await readdir(dir)).filter((name) => BLOB_NAME.test(name) && !files.blobs.has(name));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}

async function sameContent(path: string, bytes: Uint8Array): Promise<boolean> {
  const existing = await readFile(path).catch(() => undefined);
  return existing !== undefined && existing.length === bytes.length && Buffer.compare(existing, bytes) === 0;
}

/** Reads a file after checking its size: the declared one for blobs, a bound for model.json. */
async function readChecked(path: string, expectedBytes: number | undefined): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new FormatError('format/missing-file', `${path} does not exist; a saved model folder holds model.json and the weights it names.`, path);
  }
  // NOTE: sizes are compared before reading, so a hostile or truncated file never drives allocation.
  if (expectedBytes !== undefined && size !== expectedBytes) {
    throw new FormatError(
      'format/truncated',
      `${path} holds ${size} bytes but model.json declares ${expectedBytes}; the file is truncated or from another save. Save the model again.`,
      path,
    );
  }
  if (expectedBytes === undefined && size > MAX_JSON_BYTES) {
    throw new FormatError('format/too-large', `${path} is ${size} bytes, larger than any nnkit model.json; it is not an nnkit model.`, path);
  }
  const handle = await open(path, 'r');
  try {
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
