import type { JsonReader } from '../utils/json-reader.js';
import { RowHashes } from './row-hashes.js';

/** model.json's record of the training rows: counts and their 32-bit fingerprints (base64). */
export interface SavedTrainingRows {
  readonly rows: number;
  readonly duplicates: number;
  /** The distinct rows' fingerprints, ascending, 4 bytes each (little-endian), base64. */
  readonly fingerprints: string;
}

/**
 * Most training rows whose fingerprints are saved. NOTE: 4 bytes a row (5.3 in base64): a model
 * trained on 100,000 rows carries 530 kB so that `evaluate` after loading can still tell which
 * rows it trained on; past a million rows the record is left out (about 5 MB).
 */
export const MAX_SAVED_ROWS = 1_000_000;

/** The record to save, or undefined when the training set is too large to record. */
export function saveTrainingRows(set: RowHashes): SavedTrainingRows | undefined {
  if (set.size > MAX_SAVED_ROWS) return undefined;
  const fingerprints = set.fingerprints();
  const bytes = new Uint8Array(4 * fingerprints.length);
  const view = new DataView(bytes.buffer);
  fingerprints.forEach((f, i) => view.setUint32(4 * i, f, true));
  let text = '';
  // NOTE: in chunks, so String.fromCharCode never gets more arguments than an engine allows.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // NOTE: distinct rows whose 32-bit fingerprints collide (about rows² / 2^33 of them: one in
  // 100,000 rows, forty in 600,000) keep one fingerprint, so they count as duplicates here; the
  // reader checks fingerprints + duplicates = rows.
  return { rows: set.size, duplicates: set.size - fingerprints.length, fingerprints: btoa(text) };
}

/** Reads the record back (bad fields fail with their path), as the set evaluate checks against. */
export function readTrainingRows(section: JsonReader): RowHashes {
  section.object();
  const rows = section.field('rows').integer(0);
  const duplicates = section.field('duplicates').integer(0);
  const field = section.field('fingerprints');
  const text = decodeBase64(field.string()) ?? field.fail('base64 text');
  if (text.length % 4 !== 0 || text.length / 4 + duplicates !== rows) {
    field.fail(`the 4-byte fingerprints of ${rows - duplicates} distinct rows (${rows} rows, ${duplicates} duplicates)`);
  }
  const fingerprints = new Uint32Array(text.length / 4);
  for (let i = 0; i < fingerprints.length; i++) {
    const at = 4 * i;
    fingerprints[i] = (text.charCodeAt(at) | (text.charCodeAt(at + 1) << 8) | (text.charCodeAt(at + 2) << 16) | (text.charCodeAt(at + 3) << 24)) >>> 0;
  }
  return RowHashes.fromFingerprints(fingerprints, rows, duplicates);
}

/** The bytes of base64 text as a binary string, or undefined when it is not base64. */
function decodeBase64(text: string): string | undefined {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}
