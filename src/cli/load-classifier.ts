import { loadModel } from '../io/load-model.js';
import type { Model } from '../model/model.js';
import { readClassifier, type SavedClassifier } from './classifier-metadata.js';
import { usageError } from './parse-command-line.js';

export interface LoadedClassifier extends SavedClassifier {
  readonly model: Model;
  readonly dir: string;
}

/** Loads a model folder saved by `nnkit train` (`--model`), with its preprocessing and classes. */
export async function loadClassifier(command: string, dir: string | boolean | undefined): Promise<LoadedClassifier> {
  if (typeof dir !== 'string' || dir.trim() === '') {
    throw usageError(command, '--model is required: the folder "nnkit train --out" saved the model in, e.g. --model models/breast-cancer.');
  }
  const model = await loadModel(dir);
  return { model, dir, ...readClassifier(model, dir) };
}
