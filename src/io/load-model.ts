import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FormatError } from '../errors.js';
import { deserializeModel, parseModelJson } from '../model/deserialize.js';
import type { Model } from '../model/model.js';

/** Largest model.json read; a larger file is not an nnkit model description. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

async function readChecked(path: string, expectedBytes: number | undefined): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new FormatError('format/missing-file', `${path} does not exist; a saved model directory holds model.json and weights.bin.`, path);
  }
  // NOTE: compare sizes before reading, so a hostile or truncated file never drives allocation.
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
  return new Uint8Array(await readFile(path));
}

/** Loads a model saved with `model.save(dir)`: it predicts bit-identically and can train on. */
export async function loadModel(dir: string): Promise<Model> {
  const jsonPath = join(dir, 'model.json');
  const text = new TextDecoder().decode(await readChecked(jsonPath, undefined));
  const json = parseModelJson(text, jsonPath);
  const weights = await readChecked(join(dir, 'weights.bin'), json.weightsFile.bytes);
  const optimizerState = json.optimizerState ? await readChecked(join(dir, 'optimizer.bin'), json.optimizerState.bytes) : undefined;
  return deserializeModel(json, weights, dir, optimizerState);
}
