import type { ModelFiles } from '../model/model-files.js';

/**
 * A model's files, freshly written by `modelToFiles`, as a message: the blobs' buffers are their
 * own (nobody else holds them), so the message transfers them instead of copying.
 */
export function sentFiles(files: ModelFiles, transfer: ArrayBuffer[]): ModelFiles {
  for (const bytes of files.blobs.values()) {
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) transfer.push(bytes.buffer as ArrayBuffer);
  }
  return files;
}
