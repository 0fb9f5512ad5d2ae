import { loadClassifier } from '../classifier/load-classifier.js';
import type { Classifier } from '../classifier/classifier.js';
import { usageError, type CommandLine } from './parse-command-line.js';

/** Loads the classifier `--model` names (a folder saved by "nnkit train --out"). */
export async function loadModelOption(command: string, dir: CommandLine['values'][string]): Promise<{ classifier: Classifier; dir: string }> {
  if (typeof dir !== 'string' || dir.trim() === '') {
    throw usageError(command, '--model is required: the folder "nnkit train --out" saved the model in, e.g. --model models/breast-cancer.');
  }
  return { classifier: await loadClassifier(dir), dir };
}
