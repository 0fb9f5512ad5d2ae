import { unzipSync, zipSync, type Zippable } from 'fflate';
import { FormatError } from '../errors.js';

/**
 * A saved model as named files: `model.json` (architecture, typed sections, the names, sizes and
 * checksums of the blobs) and its binary blobs (weights, optimizer state). A folder on disk, a
 * zip of bytes and IndexedDB all hold exactly these.
 */
export interface ModelFiles {
  readonly json: string;
  readonly blobs: ReadonlyMap<string, Uint8Array>;
}

export const MODEL_JSON = 'model.json';

/** Blob names a model.json may refer to: `weights.bin`, or content-named `weights-1a2b3c4d.bin`. */
export const BLOB_NAME = /^(weights|optimizer)(-[0-9a-f]{8})?\.bin$/;

/** Largest model.json read; a larger one is not an nnkit model description. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** Largest blob read from a zip, 4 GiB: a declared size past it is refused before inflating. */
const MAX_BLOB_BYTES = 2 ** 32;

/**
 * The files as one self-describing blob: a zip holding model.json and the blobs under their
 * names (unzip it and you have the folder `model.save` writes). Blobs are stored uncompressed:
 * float32 weights barely compress and stay readable at their offsets.
 */
export function filesToBytes(files: ModelFiles): Uint8Array {
  const entries: Zippable = { [MODEL_JSON]: [new TextEncoder().encode(files.json), { level: 6 }] };
  for (const [name, bytes] of files.blobs) entries[name] = [bytes, { level: 0 }];
  // NOTE: a fixed date, so the same model always gives the same bytes.
  return zipSync(entries, { mtime: new Date(Date.UTC(2000, 0, 1)) });
}

/** Reads bytes from `filesToBytes` (`where` names them in errors). */
export function bytesToFiles(bytes: Uint8Array, where: string): ModelFiles {
  if (!(bytes instanceof Uint8Array)) {
    throw new FormatError('format/not-bytes', `${where}: expected the bytes of a saved model (a Uint8Array from toBytes()).`, where);
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new FormatError(
      'format/not-a-model',
      `${where} is not a saved nnkit model: toBytes() gives a zip holding model.json, and these ${bytes.length} bytes are not one.`,
      where,
    );
  }
  let entries: Record<string, Uint8Array>;
  try {
    // NOTE: the filter sees each entry's declared size before anything is inflated, so a
    // hostile zip cannot make us allocate gigabytes; unknown entries are skipped.
    entries = unzipSync(bytes, {
      filter: (entry) => {
        const limit = entry.name === MODEL_JSON ? MAX_JSON_BYTES : MAX_BLOB_BYTES;
        if (entry.originalSize > limit) {
          throw new FormatError('format/too-large', `${where}: ${entry.name} declares ${entry.originalSize} bytes, more than any nnkit model holds.`, where);
        }
        return entry.name === MODEL_JSON || BLOB_NAME.test(entry.name);
      },
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError('format/zip', `${where} is a damaged zip (${(error as Error).message}); save the model again.`, where, { cause: error });
  }
  const json = entries[MODEL_JSON];
  if (json === undefined) {
    throw new FormatError('format/missing-file', `${where} holds no model.json, so it is not a saved nnkit model.`, where);
  }
  const blobs = new Map(Object.entries(entries).filter(([name]) => name !== MODEL_JSON));
  return { json: new TextDecoder().decode(json), blobs };
}
